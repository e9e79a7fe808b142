import { SubmissionError } from './errors'

/**
 * Parses a submission's JSON text. JSON.parse keeps the last of two equal keys, so
 * `{"answers": {"q1": 5, "q1": 1}}` would silently become one answer: a duplicated key is
 * refused instead (400 duplicate_key), since the client plainly sent something else than what
 * would be stored.
 */
export function parseSubmissionJson(text: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new SubmissionError(400, 'invalid_json')
  }
  const duplicate = findDuplicateKey(text)
  if (duplicate !== null) throw new SubmissionError(400, 'duplicate_key', { key: duplicate })
  return value
}

type Container = { keys: Set<string> | null; expectKey: boolean }

const QUOTE = 34
const BACKSLASH = 92

/** The first key repeated within one object of a text JSON.parse accepted, or null. */
export function findDuplicateKey(text: string): string | null {
  const stack: Container[] = []
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (char === QUOTE) {
      const end = stringEnd(text, i)
      const top = stack.at(-1)
      if (top?.keys && top.expectKey) {
        const rawKey = text.slice(i + 1, end)
        const key = rawKey.includes('\\') ? (JSON.parse(`"${rawKey}"`) as string) : rawKey
        if (top.keys.has(key)) return key
        top.keys.add(key)
        top.expectKey = false
      }
      i = end
    } else if (char === 123 /* { */) {
      stack.push({ keys: new Set(), expectKey: true })
    } else if (char === 91 /* [ */) {
      stack.push({ keys: null, expectKey: false })
    } else if (char === 125 /* } */ || char === 93 /* ] */) {
      stack.pop()
    } else if (char === 44 /* , */) {
      const top = stack.at(-1)
      if (top?.keys) top.expectKey = true
    }
  }
  return null
}

/** Index of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1)
  while (end > 0) {
    // An escaped quote has an odd number of backslashes before it.
    let backslashes = 0
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++
    if (backslashes % 2 === 0) return end
    end = text.indexOf('"', end + 1)
  }
  return text.length - 1
}

/**
 * JSON with object keys sorted at every level and no whitespace: two bodies that mean the same
 * thing give the same text, whatever the order their client wrote the keys in.
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof CanonicalText) return value.json
  // Most values are answer codes: skip JSON.stringify for them (it prints finite numbers the same way).
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null'
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value))
    return `[${value.map((inner) => (inner === undefined ? 'null' : canonicalJson(inner))).join(',')}]`
  const keys = Object.keys(value).sort()
  let out = ''
  for (const key of keys) {
    const inner = (value as Record<string, unknown>)[key]
    if (inner === undefined) continue
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${canonicalJson(inner)}`
  }
  return `{${out}}`
}

/** Text already in canonical form, taken as is by canonicalJson. */
class CanonicalText {
  constructor(readonly json: string) {}
}

/** An object's key with its JSON spelling, in canonical (sorted) order: see `sortedKeys`. */
export type SortedKey = { key: string; json: string }

export function sortedKeys(keys: readonly string[]): SortedKey[] {
  return [...keys].sort().map((key) => ({ key, json: JSON.stringify(key) }))
}

/**
 * canonicalJson(value) for an object whose keys are all among `keys` (sorted by `sortedKeys`):
 * the same text without sorting the keys again. For the answers of every submission, whose keys
 * are the questionnaire's item codes.
 */
export function canonicalJsonOfKnownKeys(
  value: Readonly<Record<string, unknown>>,
  keys: readonly SortedKey[],
): CanonicalText {
  let out = ''
  for (const { key, json } of keys) {
    // Own keys only: value['__proto__'] would be Object.prototype.
    const inner = Object.hasOwn(value, key) ? value[key] : undefined
    if (inner === undefined) continue
    out += `${out ? ',' : ''}${json}:${canonicalJson(inner)}`
  }
  return new CanonicalText(`{${out}}`)
}
