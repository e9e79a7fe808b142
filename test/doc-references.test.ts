import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'

/*
 * Comments and docs point only to what someone who clones the repository can open: files under
 * docs/ that exist, ADRs by a number that has a file. Notes kept outside the repository
 * (SIPAS.md, STACK.md, STYLE.md) and issue numbers of a tracker a clone does not carry are
 * refused; the repository's own account is docs/methodology.md and docs/decisions/.
 */
const root = process.cwd()
const SCANNED = /\.(ts|tsx|mts|mjs|cjs|js|md|sh|prisma|sql|css|ya?ml|toml)$/
const self = relative(root, import.meta.filename)

const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((file) => SCANNED.test(file) && file !== self && existsSync(join(root, file)))
const textOf = new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')]))

type Hit = { file: string; line: number; text: string }

/** Every match of `pattern` in the scanned files, with its line; `group` picks what is reported. */
function find(pattern: RegExp, only: (file: string) => boolean = () => true, group = 0): Hit[] {
  const hits: Hit[] = []
  for (const [file, text] of textOf) {
    if (!only(file)) continue
    for (const match of text.matchAll(pattern)) {
      hits.push({ file, line: text.slice(0, match.index).split('\n').length, text: match[group]! })
    }
  }
  return hits
}

const show = (hits: Hit[]) => hits.map((hit) => `${hit.file}:${hit.line} ${hit.text}`)
const adrNumbers = new Set(readdirSync(join(root, 'docs/decisions')).map((file) => file.slice(0, 3)))

describe('references in comments and docs', () => {
  test('scans the repository', () => {
    expect(files.length).toBeGreaterThan(100)
    expect(files).toContain('docs/methodology.md')
  })

  test('every docs/….md path names a file that exists', () => {
    const hits = find(/\bdocs\/[\w./-]+?\.md\b/g)
    expect(hits.length).toBeGreaterThan(5)
    expect(show(hits.filter((hit) => !existsSync(join(root, hit.text))))).toEqual([])
  })

  test('every relative Markdown link to a .md file resolves', () => {
    const hits = find(/\]\((?!https?:)([^)#\s]+\.md)(?:#[^)]*)?\)/g, (file) => file.endsWith('.md'), 1)
    expect(show(hits.filter((hit) => !existsSync(join(root, dirname(hit.file), hit.text))))).toEqual([])
  })

  test('every "ADR NNN" has a file in docs/decisions', () => {
    const hits = find(/\bADRs? (\d{3})\b/g, () => true, 1)
    expect(hits.length).toBeGreaterThan(5)
    expect(show(hits.filter((hit) => !adrNumbers.has(hit.text)))).toEqual([])
  })

  test('nothing cites notes kept outside the repository', () => {
    expect(show(find(/\b(?:SIPAS|STACK|STYLE)\.md\b/g))).toEqual([])
  })

  test('nothing cites an issue number', () => {
    const words = find(/\b[Ii]ssues? #?\d+/g)
    const hashes = find(/(?:^|[\s(])#\d+\b/gm, (file) => !file.endsWith('.css'))
    expect(show([...words, ...hashes])).toEqual([])
  })
})

describe('the checks themselves', () => {
  test('catch what they are meant to catch', () => {
    const sample = 'see docs/nope.md (SIPAS.md, issue 6, #12); ADR 999'
    expect(sample.match(/\bdocs\/[\w./-]+?\.md\b/g)).toEqual(['docs/nope.md'])
    expect(sample.match(/\b(?:SIPAS|STACK|STYLE)\.md\b/g)).toEqual(['SIPAS.md'])
    expect(sample.match(/\b[Ii]ssues? #?\d+/g)).toEqual(['issue 6'])
    expect(sample.match(/(?:^|[\s(])#\d+\b/gm)).toEqual([' #12'])
    expect([...sample.matchAll(/\bADRs? (\d{3})\b/g)].map((match) => match[1])).toEqual(['999'])
  })
})
