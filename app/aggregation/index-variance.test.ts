import { describe, expect, test } from 'vitest'
import type { Methodology } from '~/questionnaire/definition'
import {
  type IndexItem,
  type PairSums,
  addPair,
  indexCoefficients,
  indexIntervals,
  intervalAround,
  linearisedVariance,
} from './index-variance'
import { Z_95, wilsonInterval } from './wilson'

const name = { vi: '', en: '' }

/** The 2023 shape: two aspects, the services one of a "mean" element and a "general" one. */
const methodology: Methodology = {
  elements: [
    { code: 'pol', name, index: 'general', items: ['pol.1'], generalItem: 'pol.g' },
    { code: 'acc', name, index: 'mean', items: ['acc.1', 'acc.2'] },
    { code: 'res', name, index: 'general', items: [], generalItem: 'res.g' },
  ],
  aspects: [
    { code: 'policy', name, elements: ['pol'] },
    { code: 'services', name, elements: ['acc', 'res'] },
  ],
  unitIndex: 'meanOfAspects',
}

/** A respondent: weight and answers (1 positive, 0 valid but not positive; absent = no valid answer). */
type Respondent = { w: number; y: Record<string, 0 | 1> }

/**
 * Item sums as the figures compute them (weighted, or every respondent counting 1) and pair sums
 * as the rollups hold them (counts and stored weights' squares, whichever the figures use).
 */
function summarise(respondents: readonly Respondent[], useWeights = true) {
  const items: Record<string, IndexItem> = {}
  const positive: Record<string, number> = {}
  const pairs = new Map<string, Map<string, PairSums>>()
  for (const { w, y } of respondents) {
    const codes = Object.keys(y).sort()
    const counted = useWeights ? w : 1
    for (const code of codes) {
      items[code] ??= { rate: null, sumW: 0 }
      items[code].sumW += counted
      positive[code] = (positive[code] ?? 0) + counted * y[code]!
    }
    for (let j = 0; j < codes.length; j++) {
      for (let k = j; k < codes.length; k++) {
        const [a, b] = [codes[j]!, codes[k]!]
        const w2 = w * w
        const [ya, yb] = [y[a]!, y[b]!]
        addPair(pairs, a, b, { n: 1, nA: ya, nB: yb, nAB: ya * yb, sumW2: w2, sumW2A: w2 * ya, sumW2B: w2 * yb, sumW2AB: w2 * ya * yb })
      }
    }
  }
  for (const code in items) items[code]!.rate = (100 * positive[code]!) / items[code]!.sumW
  return { items, pairs }
}

/** n/(n−1) Σ z_i², z_i computed respondent by respondent (points²). */
function bruteForceVariance(respondents: readonly Respondent[], coefficients: Record<string, number>) {
  const { items } = summarise(respondents)
  const z = respondents.map(({ w, y }) =>
    Object.entries(coefficients).reduce((sum, [code, a]) => {
      if (y[code] === undefined) return sum
      return sum + (a * w * (y[code] - items[code]!.rate! / 100)) / items[code]!.sumW
    }, 0),
  )
  const n = respondents.length
  return (n / (n - 1)) * z.reduce((sum, zi) => sum + zi * zi, 0) * 10_000
}

/** Deterministic pseudo-random numbers (a test must not depend on luck). */
function lcg(seed: number) {
  let state = seed
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648)
}

function correlatedRespondents(count: number, seed: number, weighted: boolean, missing: (i: number) => string[] = () => []) {
  const random = lcg(seed)
  const codes = ['pol.g', 'acc.1', 'acc.2', 'res.g']
  return Array.from({ length: count }, (_, i): Respondent => {
    const mood = random()
    const y: Record<string, 0 | 1> = {}
    for (const code of codes) {
      if (missing(i).includes(code)) continue
      y[code] = random() < 0.3 + 0.6 * mood ? 1 : 0
    }
    return { w: weighted ? 0.5 + 2 * random() : 1, y }
  })
}

describe('indexCoefficients', () => {
  test('follow the methodology: aspects, then elements, then a "mean" element\'s items', () => {
    const coefficients = indexCoefficients(methodology, { 'pol.g': 80, 'acc.1': 70, 'acc.2': 60, 'res.g': 90, 'pol.1': 50 })
    expect(coefficients.sipas).toEqual({ 'pol.g': 0.5, 'acc.1': 0.125, 'acc.2': 0.125, 'res.g': 0.25 })
    expect(coefficients.elements.acc).toEqual({ 'acc.1': 0.5, 'acc.2': 0.5 })
    expect(coefficients.elements.pol).toEqual({ 'pol.g': 1 })
  })

  test('a "mean" element without one item\'s rate averages the others', () => {
    const coefficients = indexCoefficients(methodology, { 'pol.g': 80, 'acc.1': 70, 'acc.2': null, 'res.g': 90 })
    expect(coefficients.sipas).toEqual({ 'pol.g': 0.5, 'acc.1': 0.25, 'res.g': 0.25 })
  })

  test('an index without a value has no coefficients', () => {
    const coefficients = indexCoefficients(methodology, { 'acc.1': 70, 'res.g': 90 })
    expect(coefficients.sipas).toBeNull()
    expect(coefficients.elements.pol).toBeNull()
    expect(coefficients.elements.res).toEqual({ 'res.g': 1 })
  })
})

describe('linearisedVariance', () => {
  test('equals n/(n−1) Σ z_i² computed respondent by respondent', () => {
    const respondents = correlatedRespondents(40, 7, false)
    const { items, pairs } = summarise(respondents)
    const { sipas } = indexCoefficients(methodology, Object.fromEntries(Object.entries(items).map(([c, i]) => [c, i.rate])))
    const variance = linearisedVariance(sipas!, items, pairs, respondents.length, true)
    expect(variance).toBeGreaterThan(0)
    expect(variance).toBeCloseTo(bruteForceVariance(respondents, sipas!), 9)
  })

  test('uses the weights: the same answers weighted give the brute-force weighted variance', () => {
    const respondents = correlatedRespondents(40, 11, true)
    const { items, pairs } = summarise(respondents)
    const { sipas } = indexCoefficients(methodology, Object.fromEntries(Object.entries(items).map(([c, i]) => [c, i.rate])))
    const weighted = linearisedVariance(sipas!, items, pairs, respondents.length, true)!
    expect(weighted).toBeCloseTo(bruteForceVariance(respondents, sipas!), 9)
    const unweighted = summarise(respondents.map((r) => ({ ...r, w: 1 })))
    expect(linearisedVariance(sipas!, unweighted.items, unweighted.pairs, respondents.length, true)).not.toBeCloseTo(weighted, 3)
  })

  test('with weights off, the pair counts: stored weights other than 1 change nothing', () => {
    const respondents = correlatedRespondents(40, 17, true)
    expect(respondents.some(({ w }) => w !== 1)).toBe(true)
    const { items, pairs } = summarise(respondents, false)
    const { sipas } = indexCoefficients(methodology, Object.fromEntries(Object.entries(items).map(([c, i]) => [c, i.rate])))
    const unweighted = linearisedVariance(sipas!, items, pairs, respondents.length, false)!
    const asIfOne = respondents.map((r) => ({ ...r, w: 1 }))
    expect(unweighted).toBeCloseTo(bruteForceVariance(asIfOne, sipas!), 9)
    const ones = summarise(asIfOne)
    expect(unweighted).toBeCloseTo(linearisedVariance(sipas!, ones.items, ones.pairs, respondents.length, true)!, 9)
    // The weighted sums of the same pairs would give another variance: they are not what is read.
    expect(linearisedVariance(sipas!, items, pairs, respondents.length, true)).not.toBeCloseTo(unweighted, 3)
  })

  test('planned missing items: pairs never answered together add nothing, and the brute force agrees', () => {
    // A short form: everyone answers pol.g; blocks alternate acc.1+acc.2 and res.g.
    const respondents = correlatedRespondents(60, 3, true, (i) => (i % 2 === 0 ? ['res.g'] : ['acc.1', 'acc.2']))
    const { items, pairs } = summarise(respondents)
    expect(pairs.get('acc.1')?.get('res.g')).toBeUndefined()
    const { sipas } = indexCoefficients(methodology, Object.fromEntries(Object.entries(items).map(([c, i]) => [c, i.rate])))
    expect(linearisedVariance(sipas!, items, pairs, respondents.length, true)).toBeCloseTo(bruteForceVariance(respondents, sipas!), 9)
  })

  test('one item alone: the normal variance of a proportion, p(1−p)/n × n/(n−1)', () => {
    const respondents: Respondent[] = Array.from({ length: 50 }, (_, i) => ({ w: 1, y: { 'res.g': i < 35 ? 1 : 0 } }))
    const { items, pairs } = summarise(respondents)
    const p = 0.7
    expect(linearisedVariance({ 'res.g': 1 }, items, pairs, 50, true)).toBeCloseTo(((p * (1 - p)) / 50) * (50 / 49) * 10_000, 9)
  })

  test('a pair stored the other way round reads the same', () => {
    const respondents = correlatedRespondents(30, 5, true)
    const { items, pairs } = summarise(respondents)
    const flipped = new Map<string, Map<string, PairSums>>()
    for (const [a, row] of pairs) {
      for (const [b, sums] of row) {
        let target = flipped.get(b)
        if (!target) flipped.set(b, (target = new Map()))
        target.set(a, { ...sums, nA: sums.nB, nB: sums.nA, sumW2A: sums.sumW2B, sumW2B: sums.sumW2A })
      }
    }
    const coefficients = { 'pol.g': 0.5, 'acc.1': 0.125, 'acc.2': 0.125, 'res.g': 0.25 }
    expect(linearisedVariance(coefficients, items, flipped, 30, true)).toBeCloseTo(linearisedVariance(coefficients, items, pairs, 30, true)!, 12)
  })

  test('cannot be estimated from one respondent or an item without answers', () => {
    const { items, pairs } = summarise([{ w: 1, y: { 'res.g': 1 } }])
    expect(linearisedVariance({ 'res.g': 1 }, items, pairs, 1, true)).toBeNull()
    expect(linearisedVariance({ 'pol.g': 1 }, items, pairs, 10, true)).toBeNull()
  })
})

describe('indexIntervals', () => {
  test('centre on the index, ± z·se, clipped to 0..100', () => {
    const respondents = correlatedRespondents(80, 13, false)
    const { items, pairs } = summarise(respondents)
    const intervals = indexIntervals(methodology, items, pairs, respondents.length, true)
    const rate = (code: string) => items[code]!.rate!
    const sipas = 0.5 * rate('pol.g') + 0.25 * ((rate('acc.1') + rate('acc.2')) / 2) + 0.25 * rate('res.g')
    const { sipas: coefficients } = indexCoefficients(methodology, { 'pol.g': 1, 'acc.1': 1, 'acc.2': 1, 'res.g': 1 })
    const se = Math.sqrt(bruteForceVariance(respondents, coefficients!))
    expect(intervals.sipas!.margin).toBeCloseTo(Z_95 * se, 9)
    expect((intervals.sipas!.low + intervals.sipas!.high) / 2).toBeCloseTo(sipas, 9)
    expect(intervals.elements.res!.margin).toBeCloseTo(
      Z_95 * Math.sqrt(bruteForceVariance(respondents, { 'res.g': 1 })),
      9,
    )
  })

  test('with weights off every unit has its intervals, from the counts, whatever its stored weights', () => {
    const respondents = correlatedRespondents(80, 19, true)
    const { items, pairs } = summarise(respondents, false)
    const intervals = indexIntervals(methodology, items, pairs, respondents.length, false)
    const { sipas: coefficients } = indexCoefficients(methodology, { 'pol.g': 1, 'acc.1': 1, 'acc.2': 1, 'res.g': 1 })
    const asIfOne = respondents.map((r) => ({ ...r, w: 1 }))
    expect(intervals.sipas!.margin).toBeCloseTo(Z_95 * Math.sqrt(bruteForceVariance(asIfOne, coefficients!)), 9)
    for (const element of methodology.elements.filter((e) => e.code !== 'pol')) expect(intervals.elements[element.code]).not.toBeNull()
  })

  test('an interval near 100 is cut at 100, its margin kept', () => {
    expect(intervalAround(98, 9, 50)).toEqual({ low: 98 - 3 * Z_95, high: 100, margin: 3 * Z_95 })
  })

  test('when every answer agrees (variance 0) the interval is Wilson\'s on the fewest valid answers, never a point', () => {
    const everything: Respondent['y'] = { 'pol.g': 1, 'acc.1': 1, 'acc.2': 1, 'res.g': 1 }
    const core: Respondent['y'] = { 'pol.g': 1, 'res.g': 1 }
    const respondents: Respondent[] = Array.from({ length: 40 }, (_, i) => ({ w: 1, y: i < 30 ? everything : core }))
    const { items, pairs } = summarise(respondents)
    const { sipas } = indexIntervals(methodology, items, pairs, 40, true)
    const wilson = wilsonInterval(30, 30)!
    expect(sipas).toEqual({ low: wilson.low, high: 100, margin: (100 - wilson.low) / 2 })
    expect(sipas!.low).toBeLessThan(100)
  })
})
