import { describe, expect, test } from 'vitest'
import type { Methodology } from '~/questionnaire/definition'
import { type RespondentAnswers, correlations, elementDrivers, keyDrivers, mulberry32, quantile, regression } from './drivers'

const name = { vi: '', en: '' }
const methodology: Methodology = {
  elements: [{ code: 'staff', name, index: 'general', items: ['s.polite', 's.listens', 's.explains', 's.rules'], generalItem: 's.general' }],
  aspects: [],
  unitIndex: 'meanOfElements',
}
/** The generating weights of the general item on each criterion (the known drivers). */
const TRUE_WEIGHTS = { 's.polite': 0.1, 's.listens': 0.55, 's.explains': 0.2, 's.rules': 0.05 }

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

const clampCode = (value: number) => Math.min(5, Math.max(1, Math.round(value)))

/**
 * A population whose criteria share a common "experience" factor (so they correlate, as real
 * criteria do) and whose general item is a known linear mix of them plus noise, all coded 1–5;
 * some answer "don't know" (-1) to a criterion.
 */
function population(size: number, seed: number): RespondentAnswers[] {
  const random = mulberry32(seed)
  return Array.from({ length: size }, () => {
    const experience = gaussian(random)
    const answers: Record<string, number> = {}
    for (const code of Object.keys(TRUE_WEIGHTS)) answers[code] = clampCode(3.3 + 0.7 * experience + 0.8 * gaussian(random))
    const general = 0.6 + Object.entries(TRUE_WEIGHTS).reduce((sum, [code, w]) => sum + w * answers[code]!, 0)
    answers['s.general'] = clampCode(general + 0.45 * gaussian(random))
    if (random() < 0.05) answers['s.explains'] = -1
    return answers
  })
}

/** The population's own regression coefficients: the drivers a sample should recover. */
function populationCoefficients(people: readonly RespondentAnswers[]) {
  const codes = Object.keys(TRUE_WEIGHTS)
  const rows = people
    .map((answers) => ['s.general', ...codes].map((code) => answers[code]!))
    .filter((row) => row.every((value) => value >= 1))
  const fit = regression(rows, rows.map((_, i) => i))!
  return Object.fromEntries(codes.map((code, j) => [code, fit[j]!]))
}

describe('key drivers on a simulated population with known drivers', () => {
  const people = population(100_000, 1)
  const truth = populationCoefficients(people)

  test('the population regression recovers the generating weights (rounding to 1–5 codes barely moves them)', () => {
    for (const [code, weight] of Object.entries(TRUE_WEIGHTS)) expect(Math.abs(truth[code]! - weight)).toBeLessThan(0.06)
  })

  test('in a sample of 400 the top driver is found and its interval covers the true weight', () => {
    const random = mulberry32(99)
    const sample = Array.from({ length: 400 }, () => people[Math.floor(random() * people.length)]!)
    const [result] = keyDrivers(methodology, sample, { elementWeights: { staff: 0.2 } })
    expect(result!.method).toBe('regression')
    expect(result!.fallback).toBeNull()
    const top = result!.drivers[0]!
    expect(top.itemCode).toBe('s.listens')
    expect(top.low!).toBeLessThan(truth['s.listens']!)
    expect(top.high!).toBeGreaterThan(truth['s.listens']!)
    expect(top.low!).toBeLessThan(TRUE_WEIGHTS['s.listens'])
    expect(top.high!).toBeGreaterThan(TRUE_WEIGHTS['s.listens'])
    expect(top.importance).toBeCloseTo(0.2 * top.estimate, 12)
  })

  test('over 40 samples the top driver is always found and the 95 % intervals cover its true weight about 95 % of the time', () => {
    const random = mulberry32(2024)
    let found = 0
    let covered = 0
    const runs = 40
    for (let run = 0; run < runs; run++) {
      const sample = Array.from({ length: 300 }, () => people[Math.floor(random() * people.length)]!)
      const drivers = elementDrivers('staff', 's.general', Object.keys(TRUE_WEIGHTS), sample, {
        elementWeights: { staff: 1 },
        resamples: 200,
        seed: run + 1,
      })!.drivers
      const top = drivers[0]!
      if (top.itemCode === 's.listens') found++
      if (top.low! <= truth['s.listens']! && truth['s.listens']! <= top.high!) covered++
    }
    expect(found).toBe(runs)
    // 40 runs at a true 95 %: 33 or fewer covered has probability < 1 %.
    expect(covered).toBeGreaterThanOrEqual(34)
  })

  test('the same answers give the same intervals (the bootstrap is seeded)', () => {
    const sample = people.slice(0, 200)
    const first = keyDrivers(methodology, sample, { elementWeights: { staff: 0.2 } })
    expect(keyDrivers(methodology, sample, { elementWeights: { staff: 0.2 } })).toEqual(first)
  })

  test('a small sample falls back to a correlation ranking, which still puts the top driver first', () => {
    const [result] = keyDrivers(methodology, people.slice(0, 80), { elementWeights: { staff: 0.2 } })
    expect(result!.method).toBe('correlation')
    expect(result!.fallback).toBe('smallSample')
    expect(result!.n).toBe(80)
    for (const driver of result!.drivers) expect(Math.abs(driver.estimate)).toBeLessThanOrEqual(1)
    expect(result!.drivers[0]!.itemCode).toBe('s.listens')
  })

  test('too few respondents give no drivers at all', () => {
    expect(keyDrivers(methodology, people.slice(0, 12), { elementWeights: { staff: 0.2 } })).toEqual([])
  })
})

test('a criterion everyone answered the same cannot be a regressor: the element falls back to correlations', () => {
  const random = mulberry32(5)
  const people = Array.from({ length: 150 }, () => {
    const x = 1 + Math.floor(random() * 5)
    return { 's.general': x, 's.polite': x, 's.listens': 4, 's.explains': 1 + Math.floor(random() * 5), 's.rules': 3 }
  })
  const [result] = keyDrivers(methodology, people, { elementWeights: { staff: 1 } })
  expect(result!.method).toBe('correlation')
  expect(result!.fallback).toBe('collinear')
  expect(result!.drivers.map((driver) => driver.itemCode)).toEqual(['s.polite', 's.explains'])
  expect(result!.drivers[0]!.estimate).toBeCloseTo(1, 12)
})

test('regression and correlations agree with hand-computed values', () => {
  // y = 1 + 2·x exactly: coefficient 2, correlation 1.
  const rows = [1, 2, 3, 4].map((x) => [1 + 2 * x, x])
  expect(regression(rows, [0, 1, 2, 3])![0]).toBeCloseTo(2, 12)
  expect(correlations(rows, [0, 1, 2, 3])[0]).toBeCloseTo(1, 12)
  expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5)
})
