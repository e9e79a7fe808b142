import { describe, expect, test } from 'vitest'
import { definition } from '../../test/fixtures/submission-definition'
import {
  answerFacts,
  DEFAULT_QUALITY_SETTINGS as defaults,
  exclusionMaskOf,
  flagMask,
  flagNames,
  isExcluded,
  isNearClosing,
  isStraightLining,
  isTooFast,
  isVerySatisfied,
  QUALITY_FLAGS,
  type QualityFacts,
  qualityFlags,
  QualitySettingsSchema,
} from './flags'

const facts = (overrides: Partial<QualityFacts> = {}): QualityFacts => ({
  honeypot: false,
  durationSeconds: 300,
  answeredItems: 30,
  scaleAnswers: [4, 5, 3, 4, 5, 4, 4, 3, 5, 4],
  recentFromDevice: 1,
  recentAtServicePoint: 1,
  recentVerySatisfiedNearClosing: null,
  ...overrides,
})

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

describe('the rules', () => {
  test('too fast: under the configured seconds per answered item', () => {
    expect(isTooFast(59, 30, { secondsPerItem: 2 })).toBe(true)
    expect(isTooFast(60, 30, { secondsPerItem: 2 })).toBe(false)
    expect(isTooFast(null, 30, { secondsPerItem: 2 })).toBe(false)
  })

  test('straight-lining: the same answer on every scale item, from the minimum number of items', () => {
    expect(isStraightLining(Array(10).fill(5), { minItems: 10 })).toBe(true)
    expect(isStraightLining(Array(10).fill(1), { minItems: 10 })).toBe(true)
    expect(isStraightLining(Array(9).fill(5), { minItems: 10 })).toBe(false)
    expect(isStraightLining([...Array(9).fill(5), 4], { minItems: 10 })).toBe(false)
  })

  test('very satisfied: every satisfaction answer is 5', () => {
    expect(isVerySatisfied([5, 5, 5])).toBe(true)
    expect(isVerySatisfied([5, 4])).toBe(false)
    expect(isVerySatisfied([])).toBe(false)
  })

  test('near closing: from minutes before to minutes after the closing time', () => {
    const rule = { ...defaults.closingTime, closesAt: '17:00', minutesBefore: 30, minutesAfter: 15 }
    expect(isNearClosing(16 * 60 + 29, rule)).toBe(false)
    expect(isNearClosing(16 * 60 + 30, rule)).toBe(true)
    expect(isNearClosing(17 * 60 + 15, rule)).toBe(true)
    expect(isNearClosing(17 * 60 + 16, rule)).toBe(false)
  })
})

describe('flags of one response', () => {
  test('an ordinary response has none', () => {
    expect(qualityFlags(facts(), defaults)).toBe(0)
  })

  test('each rule sets its own bit', () => {
    expect(qualityFlags(facts({ honeypot: true }), defaults)).toBe(QUALITY_FLAGS.HONEYPOT)
    expect(qualityFlags(facts({ durationSeconds: 20 }), defaults)).toBe(QUALITY_FLAGS.TOO_FAST)
    expect(qualityFlags(facts({ scaleAnswers: Array(12).fill(3) }), defaults)).toBe(QUALITY_FLAGS.STRAIGHT_LINING)
    expect(qualityFlags(facts({ recentFromDevice: defaults.burst.maxPerDevice + 1 }), defaults)).toBe(QUALITY_FLAGS.BURST)
    expect(qualityFlags(facts({ recentAtServicePoint: defaults.burst.maxPerServicePoint + 1 }), defaults)).toBe(QUALITY_FLAGS.BURST)
    expect(qualityFlags(facts({ recentVerySatisfiedNearClosing: defaults.closingTime.maxVerySatisfied + 1 }), defaults)).toBe(
      QUALITY_FLAGS.CLOSING_TIME_BURST,
    )
  })

  test('up to the configured maximum is not a burst', () => {
    expect(qualityFlags(facts({ recentFromDevice: defaults.burst.maxPerDevice }), defaults)).toBe(0)
    expect(qualityFlags(facts({ recentAtServicePoint: defaults.burst.maxPerServicePoint }), defaults)).toBe(0)
  })

  test('thresholds come from the settings', () => {
    const strict = QualitySettingsSchema.parse({ tooFast: { secondsPerItem: 20 }, burst: { maxPerDevice: 1 } })
    expect(qualityFlags(facts({ recentFromDevice: 2 }), strict)).toBe(QUALITY_FLAGS.TOO_FAST | QUALITY_FLAGS.BURST)
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

describe('facts from the answers', () => {
  test('counts answered items and collects substantive scale answers', () => {
    expect(
      answerFacts(definition, { screen: 1, 'svc.polite': -1, 'svc.time': 5, 'svc.general': 4, 'online.used': 1, 'online.easy': 2, comment: 'x' }),
    ).toEqual({ answeredItems: 7, scaleAnswers: [5, 4, 2], satisfactionAnswers: [5, 4] })
  })
})
