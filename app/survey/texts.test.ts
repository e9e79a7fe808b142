import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import feedback from '../../locales/en/feedback.json'
import en from '../../locales/en/survey.json'
import { answerTexts, choicesOf, conditionText, type Translate } from './texts'

// A translator over the English survey texts, enough to read what the helpers build.
const t: Translate = (key, options = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en)
  if (typeof text !== 'string') return key
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]))
}
const flatKeys = (value: unknown, prefix = ''): string[] =>
  typeof value !== 'object' || value === null
    ? [prefix]
    : Object.entries(value).flatMap(([key, inner]) => flatKeys(inner, prefix ? `${prefix}.${key}` : key))
const item = (code: string) => sipas2023.sections.flatMap((section) => section.items).find((candidate) => candidate.code === code)!

describe('survey texts', () => {
  test('a satisfaction item offers the five points in words, then "don\'t know" where allowed', () => {
    expect(choicesOf(item('svc.access.seats'), 'en', t).map((choice) => [choice.value, choice.label])).toEqual([
      [1, 'Very dissatisfied'],
      [2, 'Dissatisfied'],
      [3, 'Neither satisfied nor dissatisfied'],
      [4, 'Satisfied'],
      [5, 'Very satisfied'],
      [-1, "Don't know"],
    ])
  })

  test('answers read back in words, several for a multi-select', () => {
    expect(answerTexts(item('svc.feedback.easy'), -2, 'en', t)).toEqual(['Not applicable'])
    expect(answerTexts(item('perc.info_channels'), [1, 4], 'en', t)).toEqual(['Television or radio', 'Social media'])
  })

  test('a conditional question spells out its condition for pages without JavaScript', () => {
    expect(conditionText(sipas2023, item('perc.online_easy'), 'en', t)).toBe(
      'Answer this only if you chose “Yes” for “Have you ever used the Public Service Portal to carry out an administrative procedure?”.',
    )
  })

  test('every literal key the survey pages translate exists', () => {
    const files = [
      ...readdirSync('app/survey').filter((file) => file.endsWith('.tsx')).map((file) => join('app/survey', file)),
      'app/routes/s.$code.tsx',
      'app/routes/s.$code_.thanks.tsx',
    ]
    const keys = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+(?:\.[a-zA-Z_]+)*)'/g)].map((m) => m[1]!))
    expect(keys.length).toBeGreaterThan(20)
    // The thank-you page also reads the `feedback` namespace (hearing back about a case).
    const feedbackKeys = new Set(flatKeys(feedback))
    expect(keys.filter((key) => t(key, {}) === key && !feedbackKeys.has(key))).toEqual([])
  })
})
