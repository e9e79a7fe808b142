import { describe, expect, test } from 'vitest'
import { type Definition, allItems } from '~/questionnaire/definition'
import { sampleDefinition } from '../../test/fixtures/aggregation-definition'
import { type ItemInfo, type VersionInfo, dominantSeries, figuresBySeries } from './series'

const plain = { useWeights: false, minN: 0 }

function version(id: string, methodologyCode: string, publishedAt: string, definition: Definition = sampleDefinition): VersionInfo {
  return { id, methodologyCode, publishedAt, definition }
}

const versions = new Map([
  ['v1', version('v1', 'sipas-2023', '2024-01-01T00:00:00.000Z')],
  ['v2', version('v2', 'sipas-2023', '2025-01-01T00:00:00.000Z')],
  ['old', version('old', 'sipas-2017', '2019-01-01T00:00:00.000Z')],
])
// Each version has its own item ids; codes are shared.
const codes = allItems(sampleDefinition).map((item) => item.code)
const items = new Map<number, ItemInfo>(
  ['v1', 'v2', 'old'].flatMap((versionId, v) => codes.map((code, i) => [v * 100 + i, { id: v * 100 + i, versionId, code }] as const)),
)
const itemId = (versionId: string, code: string) => [...items.values()].find((i) => i.versionId === versionId && i.code === code)!.id
const answer = (unitId: string, versionId: string, value: number, n: number) => ({
  unitId,
  itemId: itemId(versionId, 'access.general'),
  value,
  n,
  sumW: n,
  sumW2: n,
})
const respondents = (unitId: string, versionId: string, n: number, excluded = false, verified = false) => ({
  unitId,
  versionId,
  excluded,
  verified,
  n,
  sumW: n,
  sumW2: n,
})

describe('figuresBySeries', () => {
  test('pools versions of one series by item code and follows the newest version', () => {
    const [row, ...rest] = figuresBySeries(
      [answer('u', 'v1', 5, 3), answer('u', 'v2', 5, 1), answer('u', 'v2', 1, 4)],
      [respondents('u', 'v1', 3), respondents('u', 'v2', 5), respondents('u', 'v2', 2, true)],
      [],
      versions,
      items,
      plain,
    )
    expect(rest).toEqual([])
    expect(row).toMatchObject({ unitId: 'u', versionId: 'v2', methodologyCode: 'sipas-2023', excluded: 2 })
    expect(row!.figures.n).toBe(8)
    expect(row!.figures.items['access.general']).toMatchObject({ rate: 50, n: 8 })
  })

  test('never pools two series: a unit gets a row per series, the one with more respondents first', () => {
    const rows = figuresBySeries(
      [answer('u', 'old', 5, 2), answer('u', 'v1', 1, 1)],
      [respondents('u', 'old', 2), respondents('u', 'v1', 1)],
      [],
      versions,
      items,
      plain,
    )
    expect(rows.map((row) => [row.methodologyCode, row.versionId, row.figures.n])).toEqual([
      ['sipas-2017', 'old', 2],
      ['sipas-2023', 'v1', 1],
    ])
    expect(rows[0]!.figures.items['access.general']?.rate).toBe(100)
    expect(rows[1]!.figures.items['access.general']?.rate).toBe(0)
  })

  test('a unit whose responses were all excluded is listed with n = 0', () => {
    const [row] = figuresBySeries([], [respondents('u', 'v1', 4, true)], [], versions, items, plain)
    expect(row).toMatchObject({ excluded: 4 })
    expect(row!.figures).toMatchObject({ n: 0, sipas: null })
  })

  test("a unit's verified count is of its kept respondents, summed over the versions of the series", () => {
    const [row] = figuresBySeries(
      [],
      [
        respondents('u', 'v1', 3, false, true),
        respondents('u', 'v1', 4),
        respondents('u', 'v2', 2, false, true),
        // excluded: neither in n nor in the verified count
        respondents('u', 'v2', 5, true, true),
      ],
      [],
      versions,
      items,
      plain,
    )
    expect(row).toMatchObject({ excluded: 5, verified: 5 })
    expect(row!.figures.n).toBe(9)
  })

  test('rows are ordered by unit', () => {
    const rows = figuresBySeries([], [respondents('b', 'v1', 1), respondents('a', 'v1', 1)], [], versions, items, plain)
    expect(rows.map((row) => row.unitId)).toEqual(['a', 'b'])
  })

  test('counts naming an unknown version or item are a programming error', () => {
    expect(() => figuresBySeries([], [respondents('u', 'nope', 1)], [], versions, items, plain)).toThrow(/nope/)
    expect(() =>
      figuresBySeries([{ ...answer('u', 'v1', 5, 1), itemId: 999 }], [respondents('u', 'v1', 1)], [], versions, items, plain),
    ).toThrow(/999/)
  })
})

test('dominantSeries is the series most respondents answered', () => {
  const row = (methodologyCode: string, n: number) => ({ methodologyCode, figures: { n } as never })
  expect(dominantSeries([row('sipas-2017', 30), row('sipas-2023', 20), row('sipas-2023', 20)])).toBe('sipas-2023')
  expect(dominantSeries([])).toBeNull()
})
