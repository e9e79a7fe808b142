import { describe, expect, test } from 'vitest'
import { DEFAULT_QUALITY_SETTINGS as defaults, QUALITY_FLAGS, QualitySettingsSchema } from '~/quality/flags'
import { definition } from '../../test/fixtures/submission-definition'
import {
  answerFacts,
  isNearClosing,
  isStraightLining,
  isTooFast,
  isVerySatisfied,
  type QualityFacts,
  qualityFlags,
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

describe('facts from the answers', () => {
  test('counts answered items and collects substantive scale answers', () => {
    expect(
      answerFacts(definition, { screen: 1, 'svc.polite': -1, 'svc.time': 5, 'svc.general': 4, 'online.used': 1, 'online.easy': 2, comment: 'x' }),
    ).toEqual({ answeredItems: 7, scaleAnswers: [5, 4, 2], satisfactionAnswers: [5, 4] })
  })
})
