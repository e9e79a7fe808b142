import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { DEFAULT_QUALITY_SETTINGS, QUALITY_FLAG_NAMES, QualitySettingsSchema } from '~/quality/flags'
import { QUALITY_RULES, QualityFormSchema, qualityFieldErrors, THRESHOLD_FIELDS, thresholdValue } from './quality-form'

/** The form as the page fills it from some settings. */
const formOf = (settings = DEFAULT_QUALITY_SETTINGS): Record<string, string | string[] | undefined> => ({
  ...Object.fromEntries(THRESHOLD_FIELDS.map((field) => [field.name, thresholdValue(settings, field.name)])),
  excluded: [...settings.excluded] as string[],
})

const setAt = (name: string, value: number) => {
  const [group, key] = name.split('.') as [string, string]
  return { [group]: { [key]: value } }
}

describe('the quality settings form', () => {
  test('every setting has a field, and the page’s own values read back unchanged', () => {
    const groups = Object.keys(DEFAULT_QUALITY_SETTINGS).filter((key) => key !== 'excluded')
    const fieldCount = groups.reduce(
      (n, group) => n + Object.keys(DEFAULT_QUALITY_SETTINGS[group as 'burst']).length,
      0
    )
    expect(THRESHOLD_FIELDS).toHaveLength(fieldCount)
    expect(QualityFormSchema.parse(formOf())).toEqual(DEFAULT_QUALITY_SETTINGS)
    expect(QUALITY_RULES.map((rule) => rule.flag)).toEqual(QUALITY_FLAG_NAMES)
  })

  test('reads numbers as typed, a decimal comma included, and the flags ticked', () => {
    const form = {
      ...formOf(),
      'tooFast.secondsPerItem': '1,5',
      'closingTime.closesAt': '16:30',
      excluded: ['HONEYPOT', 'BURST'],
    }
    expect(QualityFormSchema.parse(form)).toMatchObject({
      tooFast: { secondsPerItem: 1.5 },
      closingTime: { closesAt: '16:30' },
      excluded: ['HONEYPOT', 'BURST'],
    })
    expect(QualityFormSchema.parse({ ...formOf(), excluded: undefined }).excluded).toEqual([])
  })

  test('the browser’s limits are the settings schema’s', () => {
    for (const field of THRESHOLD_FIELDS.filter((f) => f.kind === 'number')) {
      const whole = field.step !== 'any'
      const below = field.min! - (whole ? 1 : 0.01)
      expect(
        QualitySettingsSchema.safeParse(setAt(field.name, field.min!)).success,
        `${field.name} at its minimum`
      ).toBe(true)
      expect(QualitySettingsSchema.safeParse(setAt(field.name, below)).success, `${field.name} below its minimum`).toBe(
        false
      )
      if (field.max !== undefined) {
        expect(
          QualitySettingsSchema.safeParse(setAt(field.name, field.max)).success,
          `${field.name} at its maximum`
        ).toBe(true)
        expect(
          QualitySettingsSchema.safeParse(setAt(field.name, field.max + 1)).success,
          `${field.name} above its maximum`
        ).toBe(false)
      }
      if (whole)
        expect(
          QualitySettingsSchema.safeParse(setAt(field.name, field.min! + 0.5)).success,
          `${field.name} whole`
        ).toBe(false)
    }
  })

  test('names each wrong field, blank ones included, with its own message', () => {
    const form = {
      ...formOf(),
      'tooFast.secondsPerItem': '',
      'burst.windowSeconds': '0',
      'burst.maxPerDevice': '2.5',
      'closingTime.closesAt': '25:00',
      'straightLining.minItems': '-3',
      excluded: ['HONEYPOT', 'NOT_A_FLAG'],
    }
    const parsed = QualityFormSchema.safeParse(form)
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(qualityFieldErrors(parsed.error)).toEqual({
      'tooFast.secondsPerItem': { key: 'quality.errors.tooFast.secondsPerItem' },
      'straightLining.minItems': { key: 'quality.errors.straightLining.minItems' },
      'burst.windowSeconds': { key: 'quality.errors.burst.windowSeconds' },
      'burst.maxPerDevice': { key: 'quality.errors.burst.maxPerDevice' },
      'closingTime.closesAt': { key: 'quality.errors.closingTime.closesAt' },
      excluded: { key: 'quality.errors.excluded' },
    })
  })

  test('a field left out of the post is refused, not defaulted', () => {
    const { 'burst.maxPerServicePoint': _left, ...form } = formOf()
    const parsed = QualityFormSchema.safeParse(form)
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    expect(Object.keys(qualityFieldErrors(parsed.error))).toEqual(['burst.maxPerServicePoint'])
  })

  test('every field and flag has its texts in both languages', () => {
    for (const lng of ['vi', 'en']) {
      const admin = JSON.parse(readFileSync(join(process.cwd(), 'locales', lng, 'admin.json'), 'utf8'))
      for (const field of THRESHOLD_FIELDS) {
        const [group, key] = field.name.split('.') as [string, string]
        expect(admin.quality.fields[group]?.[key], `${lng} label ${field.name}`).toBeTruthy()
        expect(admin.quality.errors[group]?.[key], `${lng} error ${field.name}`).toBeTruthy()
      }
      for (const flag of QUALITY_FLAG_NAMES) {
        expect(admin.quality.flags[flag]?.name, `${lng} ${flag}`).toBeTruthy()
        expect(admin.quality.flags[flag]?.meaning, `${lng} ${flag}`).toBeTruthy()
      }
      expect(admin.quality.errors.excluded, lng).toBeTruthy()
    }
  })
})
