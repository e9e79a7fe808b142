import { describe, expect, test } from 'vitest'
import { DONT_KNOW, NOT_APPLICABLE, allItems } from '~/questionnaire/definition'
import { sampleDefinition } from '../../test/fixtures/aggregation-definition'
import { type AnswerCount, itemRate } from './counts'
import { computeUnitFigures } from './unit-figures'

const { methodology } = sampleDefinition
const items = allItems(sampleDefinition)

/** Unweighted counts for one unit: `{ item: { value: n } }`. */
function counts(table: Record<string, Record<number, number>>): AnswerCount[] {
  return Object.entries(table).flatMap(([itemCode, byValue]) =>
    Object.entries(byValue).map(([value, n]) => ({
      unitKey: 'u1',
      itemCode,
      value: Number(value),
      n,
      sumW: n,
      sumW2: n,
    })),
  )
}

const forty = { n: 40, sumW: 40, sumW2: 40 }

// 40 respondents. Rates: policy 27/36 = 75, access 32/40 = 80, procedure.1 28/35 = 80,
// procedure.2 36/40 = 90.
const rows = counts({
  screen: { 1: 40 },
  harassment: { 1: 32, 2: 6, 3: 2 },
  channel: { 1: 20, 2: 20 },
  'policy.general': { 5: 12, 4: 15, 3: 6, 2: 2, 1: 1, [DONT_KNOW]: 4 },
  'access.general': { 5: 20, 4: 12, 3: 8 },
  'procedure.1': { 4: 28, 3: 7, [NOT_APPLICABLE]: 5 },
  'procedure.2': { 5: 36, 2: 4 },
  priorities: { 1: 30, 2: 20, 4: 10 },
  visits: { 3: 40 },
})

describe('computeUnitFigures', () => {
  const figures = computeUnitFigures(methodology, items, rows, forty, { useWeights: false, minN: 30 })

  test('combines item rates into elements, aspects and the unit SIPAS', () => {
    expect(figures.elements).toEqual({ policy: 75, access: 80, procedure: 85 })
    expect(figures.aspects).toEqual({ policy: 75, services: 82.5 })
    expect(figures.sipas).toBe(78.75)
    expect(figures.n).toBe(40)
  })

  test('each rated item carries its rate, n, interval and suppression flag', () => {
    const policyRows = rows.filter((row) => row.itemCode === 'policy.general')
    expect(figures.items['policy.general']).toEqual({
      ...itemRate(policyRows, [4, 5], false),
      suppressed: false,
    })
    expect(figures.items['policy.general']).toMatchObject({ rate: 75, n: 36, positive: 27 })
  })

  test('perception items are rated on their positive answer', () => {
    expect(figures.items.harassment?.rate).toBe(80)
    expect(figures.items.screen?.rate).toBe(100)
  })

  test("choice items get every option's share of the valid answers", () => {
    expect(figures.shares.harassment?.map((share) => share.rate)).toEqual([80, 15, 5])
    expect(figures.shares.channel?.map((share) => share.rate)).toEqual([50, 50, 0])
  })

  test("multi-select items get shares of the unit's respondents", () => {
    expect(figures.shares.priorities?.map((share) => [share.value, share.rate])).toEqual([
      [1, 75],
      [2, 50],
      [3, 0],
      [4, 25],
    ])
  })

  test('text and number items get no figures', () => {
    expect(Object.keys(figures.items).sort()).toEqual(
      ['access.general', 'harassment', 'policy.general', 'procedure.1', 'procedure.2', 'screen'].sort(),
    )
    expect(Object.keys(figures.shares).sort()).toEqual(['channel', 'harassment', 'priorities', 'screen'])
  })
})

describe('suppression', () => {
  test('flags items whose valid n is under the minimum, at the minimum they show', () => {
    const figures = computeUnitFigures(methodology, items, rows, forty, { useWeights: false, minN: 36 })
    expect(figures.items['procedure.1']?.suppressed).toBe(true)
    expect(figures.items['policy.general']?.suppressed).toBe(false)
    expect(figures.suppressed).toBe(false)
  })

  test('flags the unit when it has fewer respondents than the minimum, but still computes', () => {
    const figures = computeUnitFigures(methodology, items, rows, forty, { useWeights: false, minN: 41 })
    expect(figures.suppressed).toBe(true)
    expect(figures.sipas).toBe(78.75)
    expect(figures.shares.priorities?.every((share) => share.suppressed)).toBe(true)
  })
})

test('a unit with no answers to an element has that element and its SIPAS empty', () => {
  const withoutAccess = rows.filter((row) => row.itemCode !== 'access.general')
  const figures = computeUnitFigures(methodology, items, withoutAccess, forty, { useWeights: false, minN: 0 })
  expect(figures.items['access.general']).toMatchObject({ rate: null, n: 0 })
  expect(figures.elements.access).toBeNull()
  expect(figures.aspects).toEqual({ policy: 75, services: null })
  expect(figures.sipas).toBeNull()
})

test('with weights on, rates use the weight sums', () => {
  // policy: 1 very satisfied respondent weighing 3, 1 dissatisfied weighing 1
  const weighted: AnswerCount[] = [
    { unitKey: 'u1', itemCode: 'policy.general', value: 5, n: 1, sumW: 3, sumW2: 9 },
    { unitKey: 'u1', itemCode: 'policy.general', value: 2, n: 1, sumW: 1, sumW2: 1 },
  ]
  const options = { minN: 0 }
  const respondents = { n: 2, sumW: 4, sumW2: 10 }
  expect(
    computeUnitFigures(methodology, items, weighted, respondents, { ...options, useWeights: true }).elements
      .policy,
  ).toBe(75)
  expect(
    computeUnitFigures(methodology, items, weighted, respondents, { ...options, useWeights: false }).elements
      .policy,
  ).toBe(50)
})
