import { describe, expect, test } from 'vitest'
import { DEFAULT_QUALITY_SETTINGS as defaults, exclusionMaskOf, flagMask, flagNames, isExcluded, QUALITY_FLAGS, QualitySettingsSchema } from './flags'

describe('the flag bits', () => {
  test('are distinct powers of two that never change (they are stored)', () => {
    expect(QUALITY_FLAGS).toEqual({ TOO_FAST: 1, STRAIGHT_LINING: 2, BURST: 4, HONEYPOT: 8, CLOSING_TIME_BURST: 16 })
  })

  test('masks and names convert both ways', () => {
    expect(flagMask(['BURST', 'HONEYPOT'])).toBe(12)
    expect(flagNames(12)).toEqual(['BURST', 'HONEYPOT'])
    expect(flagNames(0)).toEqual([])
  })
})

describe('the settings', () => {
  test('a partial setting keeps the defaults for the rest', () => {
    const settings = QualitySettingsSchema.parse({ burst: { windowSeconds: 30 } })
    expect(settings.burst).toEqual({ ...defaults.burst, windowSeconds: 30 })
    expect(settings.tooFast).toEqual(defaults.tooFast)
  })

  test('nonsense is refused', () => {
    expect(QualitySettingsSchema.safeParse({ closingTime: { closesAt: '25:00' } }).success).toBe(false)
    expect(QualitySettingsSchema.safeParse({ excluded: ['SPEEDING'] }).success).toBe(false)
  })
})

describe('official indices exclude by a configurable mask', () => {
  test('by default every flag excludes', () => {
    const mask = exclusionMaskOf(defaults)
    for (const bit of Object.values(QUALITY_FLAGS)) expect(isExcluded(bit, mask)).toBe(true)
    expect(isExcluded(0, mask)).toBe(false)
  })

  test('only the configured flags exclude', () => {
    const mask = exclusionMaskOf(QualitySettingsSchema.parse({ excluded: ['HONEYPOT', 'BURST'] }))
    expect(isExcluded(QUALITY_FLAGS.HONEYPOT | QUALITY_FLAGS.TOO_FAST, mask)).toBe(true)
    expect(isExcluded(QUALITY_FLAGS.TOO_FAST | QUALITY_FLAGS.STRAIGHT_LINING, mask)).toBe(false)
    expect(exclusionMaskOf(QualitySettingsSchema.parse({ excluded: [] }))).toBe(0)
  })
})
