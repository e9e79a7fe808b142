import { describe, expect, test } from 'vitest'
import { DONT_KNOW, NOT_APPLICABLE, allItems } from '~/questionnaire/definition'
import { sampleDefinition } from '../../test/fixtures/aggregation-definition'
import { itemRows } from '~/questionnaire/item-rows'
import type { AnswerCount } from './counts'
import { type PairSums, addPair } from './index-variance'
import { ratedValues } from './measures'
import { nationalFigures } from './national'
import { type RawResponse, type UnitLevel, UNIT_LEVELS, referenceFigures } from './reference'
import { computeUnitFigures } from './unit-figures'

const items = allItems(sampleDefinition)
const INDEX_ITEMS = new Set(itemRows(sampleDefinition).filter((row) => row.inIndex).map((row) => row.code))
const SCALE_ITEMS = ['policy.general', 'access.general', 'procedure.1', 'procedure.2']

let nextId = 0
/** A response whose satisfaction items all carry `value`. */
function response(servicePoint: string, value: number, extra: Partial<RawResponse> = {}): RawResponse {
  const [province = '', agency = ''] = servicePoint.split('/')
  return {
    id: String(nextId++),
    unitKeys: { servicePoint, agency: `${province}/${agency}`, province },
    flags: 0,
    weight: 1,
    answers: SCALE_ITEMS.map((itemCode) => ({ itemCode, value })),
    ...extra,
  }
}

const plain = { excludeFlagsMask: 0, useWeights: false, minN: 0 }

describe('referenceFigures', () => {
  test('leaves out responses with an excluded flag and counts them', () => {
    const responses = [
      response('p/a/s', 5),
      response('p/a/s', 1, { flags: 0b01 }),
      response('p/a/s', 1, { flags: 0b10 }),
    ]
    const figures = referenceFigures(responses, sampleDefinition, { ...plain, excludeFlagsMask: 0b01 })
    expect(figures.excluded).toBe(1)
    expect(figures.province.p?.n).toBe(2)
    expect(figures.province.p?.items['access.general']?.rate).toBe(50)
  })

  test("figures every unit of every level, pooling a province's responses", () => {
    const responses = [...Array.from({ length: 4 }, () => response('p/a/s1', 5)), response('p/b/s2', 1)]
    const figures = referenceFigures(responses, sampleDefinition, plain)
    expect(Object.keys(figures.servicePoint)).toEqual(['p/a/s1', 'p/b/s2'])
    expect(Object.keys(figures.agency)).toEqual(['p/a', 'p/b'])
    expect(figures.servicePoint['p/a/s1']?.sipas).toBe(100)
    expect(figures.servicePoint['p/b/s2']?.sipas).toBe(0)
    // 4 of 5 respondents satisfied, not the mean of the two service points
    expect(figures.province.p?.sipas).toBe(80)
  })

  test('the national figure is the mean of provinces, each computed first', () => {
    const responses = [...Array.from({ length: 4 }, () => response('x/a/s', 5)), response('y/a/s', 1)]
    const figures = referenceFigures(responses, sampleDefinition, plain)
    expect(figures.national).toEqual(nationalFigures([figures.province.x!, figures.province.y!]))
    expect(figures.national.sipas).toBe(50)
  })

  test('weights the answers by the response weight when asked to', () => {
    const responses = [response('p/a/s', 5, { weight: 3 }), response('p/a/s', 1, { weight: 1 })]
    const weighted = referenceFigures(responses, sampleDefinition, { ...plain, useWeights: true })
    expect(weighted.province.p?.sipas).toBe(75)
    expect(weighted.province.p?.items['access.general']?.nEffective).toBeCloseTo(16 / 10, 12)
    expect(referenceFigures(responses, sampleDefinition, plain).province.p?.sipas).toBe(50)
  })

  test('non-substantive and empty answers leave the denominators', () => {
    const responses = [
      response('p/a/s', 5),
      response('p/a/s', 2),
      response('p/a/s', DONT_KNOW),
      response('p/a/s', 0, { answers: [{ itemCode: 'suggestions', value: null }] }),
    ]
    const figures = referenceFigures(responses, sampleDefinition, plain)
    expect(figures.province.p?.items['access.general']).toMatchObject({ rate: 50, n: 2 })
    expect(figures.province.p?.n).toBe(4)
  })

  test("multi-select shares are over the unit's respondents", () => {
    const ticked = (...values: number[]) => values.map((value) => ({ itemCode: 'priorities', value }))
    const responses = [
      response('p/a/s', 5, { answers: ticked(1, 2) }),
      response('p/a/s', 5, { answers: ticked(1) }),
      response('p/a/s', 5, { answers: [] }),
      response('p/a/s', 5, { answers: ticked(1, 3) }),
    ]
    const shares = referenceFigures(responses, sampleDefinition, plain).province.p?.shares.priorities
    expect(shares?.map((share) => share.rate)).toEqual([75, 25, 25, 0])
  })
})

describe('the counts path agrees with the reference on random data', () => {
  const responses = randomResponses(1200, 20240601)

  test.each([
    { useWeights: false, excludeFlagsMask: 0 },
    { useWeights: true, excludeFlagsMask: 0 },
    { useWeights: true, excludeFlagsMask: 0b101 },
  ])('useWeights $useWeights, mask $excludeFlagsMask', (flags) => {
    // ~100 responses per service point, ~50 once the mask excludes half: then some units and
    // items fall under 60, so suppression flags are compared too
    const options = { ...flags, minN: 60 }
    const reference = referenceFigures(responses, sampleDefinition, options)
    expect(Object.values(reference.province).every((province) => province.sipas !== null)).toBe(true)
    const kept = responses.filter((r) => (r.flags & options.excludeFlagsMask) === 0)
    expect(reference.excluded).toBe(responses.length - kept.length)
    for (const level of UNIT_LEVELS) {
      const { rows, respondents, pairs } = groupByUnit(kept, level)
      const viaCounts = Object.fromEntries(
        [...respondents].map(([key, totals]) => [
          key,
          computeUnitFigures(sampleDefinition.methodology, items, rows.get(key) ?? [], totals, options, pairs.get(key)),
        ]),
      )
      expect(viaCounts).toEqual(approximately(reference[level]))
      // the pairs gave every unit's intervals, weights on (their Σw²·… sums) or off (their counts):
      // stored weights vary here
      const intervals = Object.values(viaCounts).map((figures) => figures.intervals.sipas)
      expect(intervals.every((interval) => interval !== null)).toBe(true)
    }
  })
})

/**
 * What the SQL aggregate does: GROUP BY unit, item, value with count, Σw and Σw²; and the pair
 * rollup: per unit, pairs of valid answers to index items with their counts and Σw²·… sums.
 */
function groupByUnit(responses: readonly RawResponse[], level: UnitLevel) {
  const pairs = new Map<string, Map<string, Map<string, PairSums>>>()
  const rows = new Map<string, AnswerCount[]>()
  const respondents = new Map<string, { n: number; sumW: number; sumW2: number }>()
  const cells = new Map<string, AnswerCount>()
  for (const r of responses) {
    const unitKey = r.unitKeys[level]
    const totals = respondents.get(unitKey) ?? { n: 0, sumW: 0, sumW2: 0 }
    respondents.set(unitKey, {
      n: totals.n + 1,
      sumW: totals.sumW + r.weight,
      sumW2: totals.sumW2 + r.weight ** 2,
    })
    for (const { itemCode, value } of r.answers) {
      if (value === null) continue
      const id = `${unitKey}|${itemCode}|${value}`
      const cell = cells.get(id) ?? { unitKey, itemCode, value, n: 0, sumW: 0, sumW2: 0 }
      cells.set(id, { ...cell, n: cell.n + 1, sumW: cell.sumW + r.weight, sumW2: cell.sumW2 + r.weight ** 2 })
    }
    const indexAnswers = r.answers.filter(({ itemCode, value }) => INDEX_ITEMS.has(itemCode) && value !== null && value >= 1)
    let unitPairs = pairs.get(unitKey)
    if (!unitPairs) pairs.set(unitKey, (unitPairs = new Map()))
    const w2 = r.weight ** 2
    for (const a of indexAnswers) {
      for (const b of indexAnswers) {
        if (a.itemCode > b.itemCode) continue
        const [ya, yb] = [a, b].map(({ itemCode, value }) => (ratedValues(items.find((i) => i.code === itemCode)!)!.includes(value!) ? 1 : 0))
        addPair(unitPairs, a.itemCode, b.itemCode, {
          n: 1,
          nA: ya!,
          nB: yb!,
          nAB: ya! * yb!,
          sumW2: w2,
          sumW2A: w2 * ya!,
          sumW2B: w2 * yb!,
          sumW2AB: w2 * ya! * yb!,
        })
      }
    }
  }
  for (const cell of cells.values()) rows.set(cell.unitKey, [...(rows.get(cell.unitKey) ?? []), cell])
  return { rows, respondents, pairs }
}

/** Every number replaced by a matcher accepting it to within 1e-9. */
function approximately(value: unknown): unknown {
  if (typeof value === 'number') return expect.closeTo(value, 9)
  if (Array.isArray(value)) return value.map(approximately)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, approximately(entry)]))
  }
  return value
}

/** Deterministic pseudo-random responses (mulberry32), spread over 3 provinces × 2 agencies × 2 points. */
function randomResponses(count: number, seed: number): RawResponse[] {
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
  const scale = [1, 2, 3, 4, 5, 4, 5, 4]
  return Array.from({ length: count }, (_, index) => {
    const servicePoint = `${pick(['p1', 'p2', 'p3'])}/${pick(['a', 'b'])}/${pick(['s1', 's2'])}`
    const [province = '', agency = ''] = servicePoint.split('/')
    const answers = [
      { itemCode: 'screen', value: 1 },
      { itemCode: 'harassment', value: pick([1, 1, 1, 2, 3, DONT_KNOW]) },
      { itemCode: 'channel', value: pick([1, 2, 3]) },
      { itemCode: 'policy.general', value: pick([...scale, DONT_KNOW]) },
      { itemCode: 'access.general', value: pick(scale) },
      { itemCode: 'procedure.1', value: pick([...scale, NOT_APPLICABLE]) },
      { itemCode: 'procedure.2', value: pick(scale) },
      ...[1, 2, 3, 4].filter(() => random() < 0.4).map((value) => ({ itemCode: 'priorities', value })),
      { itemCode: 'suggestions', value: null },
      { itemCode: 'visits', value: pick([1, 2, 7]) },
    ].filter(() => random() < 0.95)
    return {
      id: String(index),
      unitKeys: { servicePoint, agency: `${province}/${agency}`, province },
      flags: pick([0, 0, 0, 0b001, 0b010, 0b100]),
      weight: 0.5 + random() * 2.5,
      answers,
    }
  })
}
