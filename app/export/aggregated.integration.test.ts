import { beforeAll, describe, expect, test } from 'vitest'
import { nationalFigures, unitFigures } from '~/aggregation/figures.server'
import { parsePeriod } from '~/aggregation/period'
import { RESPONSE_MARKS } from '~/quality/flags'
import { computeRanking } from '~/ranking/rankings.server'
import { type ResponseSpec, type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { aggregatedExport, countAggregatedRows } from './aggregated.server'
import { AggregatedFiltersSchema, readFilters } from './filters'
import type { Row, Table } from './table'

/*
 * Two provinces, each with two departments of one service point; the default minimum n (30).
 * 2024 gives the rank changes a baseline. In 2025 province 0's first department is ranked,
 * its second has too few respondents; province 1's first department is ranked below.
 */
let survey: Survey
let sp: Survey['servicePoints']
let p0: string, p1: string

const period = parsePeriod('2025')!
const filters = (input: Record<string, string>) => AggregatedFiltersSchema.parse({ period: '2025', ...input })
const NATIONAL = { provinceId: null }

/** `count` responses at a service point: `satisfied` of them very satisfied, the others dissatisfied. */
function answers(count: number, satisfied: number, at: Survey['servicePoints'][number], on: string, flags = 0): ResponseSpec[] {
  const version = survey.versions[0]!
  return Array.from({ length: count }, (_, i) => ({
    version,
    servicePoint: at,
    submittedOn: on,
    flags,
    answers: uniformAnswers(version.definition, i < satisfied ? 5 : 2),
  }))
}

const rowsOf = (tables: readonly Table[], name: string) => tables.find((table) => table.name === name)!.rows as Row[]
const byUnit = (rows: readonly Row[], code: string) => rows.filter((row) => row.unit_code === code)

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 2, servicePoints: 1, versions: ['sipas-2023'] })
  sp = survey.servicePoints
  ;[p0, p1] = [sp[0]!.provinceId, sp[2]!.provinceId]
  await storeResponses(survey, [
    ...answers(40, 20, sp[0]!, '2024-04-01'),
    ...answers(40, 36, sp[2]!, '2024-04-02'),
    ...answers(40, 34, sp[0]!, '2025-03-01'),
    ...answers(4, 0, sp[0]!, '2025-03-02', 0b1),
    ...answers(12, 6, sp[1]!, '2025-03-03'),
    ...answers(35, 21, sp[2]!, '2025-05-01'),
    ...answers(3, 3, sp[3]!, '2025-05-02'),
    // two verified responses (rating tickets), the only ones
    ...answers(2, 2, sp[3]!, '2025-05-03', RESPONSE_MARKS.VERIFIED),
  ])
})

describe('aggregatedExport', () => {
  test('province rows carry the figures and ranks the pages show', async () => {
    const { meta, tables } = await aggregatedExport(filters({ level: 'province' }), NATIONAL, new Date('2026-01-02T03:04:05Z'))
    const [figures, ranking] = await Promise.all([
      unitFigures({ period, level: 'province' }),
      computeRanking({ year: 2025, index: 'SIPAS', peerGroup: 'provinces', provinceId: null }),
    ])
    expect(meta).toMatchObject({ methodologyCodes: ['sipas-2023'], minN: 30, producedAt: '2026-01-02T03:04:05.000Z', period: { key: '2025' } })
    const indices = rowsOf(tables, 'indices')
    for (const provinceId of [p0, p1]) {
      const figure = figures.find((row) => row.unitId === provinceId)!
      const ranked = ranking.rows.find((row) => row.unitId === provinceId)!
      const [index, ...others] = byUnit(indices, ranked.code)
      expect(others).toEqual([])
      expect(index).toMatchObject({
        level: 'province',
        measure_kind: 'index',
        measure_code: 'SIPAS',
        percentage: figure.figures.sipas,
        n: figure.figures.n,
        ci_low: ranked.low,
        ci_high: ranked.high,
        suppressed: false,
        rank: ranked.rank,
        rank_change: ranked.change,
        rank_baseline: ranking.baseline,
        group: ranked.group,
        excluded: figure.excluded,
        methodology_code: 'sipas-2023',
      })
    }
    // The ranking in 2025 differs from 2024's: province 0 (85 %) now leads province 1 (63 %).
    expect(byUnit(indices, ranking.rows[0]!.code)[0]).toMatchObject({ rank: 1, rank_change: 1, rank_baseline: 'previous' })
    expect(byUnit(indices, ranking.rows[0]!.code)[0]!.excluded).toBe(4)
  })

  test('element and item rows carry each figure and its interval', async () => {
    const { tables } = await aggregatedExport(filters({ level: 'province', provinceId: p0 }), NATIONAL)
    const [figure] = await unitFigures({ period, level: 'province', ids: [p0] })
    const methodology = survey.versions[0]!.definition.methodology
    const items = rowsOf(tables, 'items')
    expect(items.length).toBe(Object.keys(figure!.figures.items).length)
    for (const row of items) {
      const item = figure!.figures.items[row.measure_code as string]!
      expect(row).toMatchObject({ measure_kind: 'item', percentage: item.rate, n: item.n, ci_low: item.low, ci_high: item.high, suppressed: false })
    }
    const elements = rowsOf(tables, 'elements')
    expect(elements.map((row) => row.measure_code)).toEqual(methodology.elements.map((element) => element.code))
    for (const row of elements) expect(row.percentage).toBe(figure!.figures.elements[row.measure_code as string])
    const aspects = rowsOf(tables, 'aspects')
    expect(aspects.map((row) => [row.measure_code, row.percentage])).toEqual(
      methodology.aspects.map((aspect) => [aspect.code, figure!.figures.aspects[aspect.code]]),
    )
    const interval = figure!.figures.intervals.sipas!
    expect(rowsOf(tables, 'indices')[0]).toMatchObject({ ci_low: interval.low, ci_high: interval.high, margin_of_error: interval.margin })
  })

  test('agency and service point rows: figures, ranks in their province, and suppressed ones without a value', async () => {
    for (const [level, peerGroup] of [['agency', 'departments'], ['servicePoint', 'servicePoints']] as const) {
      const { tables } = await aggregatedExport(filters({ level }), NATIONAL)
      const figures = await unitFigures({ period, level })
      const indices = rowsOf(tables, 'indices')
      expect(indices).toHaveLength(4)
      for (const provinceId of [p0, p1]) {
        const ranking = await computeRanking({ year: 2025, index: 'SIPAS', peerGroup, provinceId })
        for (const ranked of ranking.rows) {
          const figure = figures.find((row) => row.unitId === ranked.unitId)!
          const [index] = byUnit(indices, ranked.code)
          expect(index, ranked.code).toMatchObject({
            level,
            n: figure.figures.n,
            suppressed: figure.figures.suppressed,
            percentage: figure.figures.suppressed ? null : figure.figures.sipas,
            ci_low: ranked.low,
            ci_high: ranked.high,
            rank: ranked.rank,
            group: ranked.group,
            excluded: figure.excluded,
          })
        }
      }
      const suppressed = indices.filter((row) => row.suppressed)
      // province 1's second department: 3 responses, and 2 verified ones
      expect(suppressed.map((row) => row.n).sort()).toEqual([12, 5])
      for (const row of suppressed) expect(row).toMatchObject({ percentage: null, ci_low: null, ci_high: null, rank: null })
    }
  })

  test('a suppressed figure has no value in any table', async () => {
    const { tables } = await aggregatedExport(filters({ level: 'servicePoint' }), NATIONAL)
    const suppressed = tables.flatMap((table) => (table.rows as Row[]).filter((row) => row.suppressed))
    expect(new Set(suppressed.map((row) => row.measure_kind))).toEqual(new Set(['index', 'aspect', 'element', 'item']))
    for (const row of suppressed) expect([row.percentage, row.ci_low, row.ci_high]).toEqual([null, null, null])
  })

  test('national rows are the national figures', async () => {
    const { tables } = await aggregatedExport(filters({ level: 'national' }), NATIONAL)
    const result = await nationalFigures({ period })
    const [index] = rowsOf(tables, 'indices')
    expect(index).toMatchObject({ level: 'national', unit_code: 'VN', percentage: result.national.sipas, excluded: result.excluded, rank: null })
    expect(index!.n).toBe(result.provinces.reduce((sum, row) => sum + row.figures.n, 0))
    for (const row of rowsOf(tables, 'items')) expect(row.percentage).toBe(result.national.items[row.measure_code as string])
  })

  test("a province scope lists only that province's units, whatever the filters ask", async () => {
    const scope = { provinceId: p0 }
    for (const level of ['province', 'agency', 'servicePoint'] as const) {
      const { tables } = await aggregatedExport(filters({ level, provinceId: p1 }), scope)
      const names = new Set(tables.flatMap((table) => (table.rows as Row[]).map((row) => row.unit_name_vi)))
      // The factory names provinces 'Tỉnh <i>', agencies and service points by their id.
      const own = level === 'province' ? ['Tỉnh 0'] : level === 'agency' ? [sp[0]!.agencyId, sp[1]!.agencyId] : [sp[0]!.id, sp[1]!.id]
      expect([...names].sort()).toEqual(own.sort())
    }
    const { meta } = await aggregatedExport(filters({ level: 'province' }), scope)
    expect(meta.filters.map((filter) => filter.label.en)).toContain('Province')
  })

  test('a period that is not a year, or a channel, carries no ranks; countAggregatedRows counts every table', async () => {
    const quarter = await aggregatedExport(AggregatedFiltersSchema.parse({ period: '2025-Q1', level: 'province' }), NATIONAL)
    expect(rowsOf(quarter.tables, 'indices').map((row) => row.rank)).toEqual([null])
    const byChannel = await aggregatedExport(filters({ level: 'province', channel: 'kiosk' }), NATIONAL)
    expect(rowsOf(byChannel.tables, 'indices').every((row) => row.rank === null)).toBe(true)
    const all = await aggregatedExport(filters({ level: 'servicePoint' }), NATIONAL)
    const total = all.tables.reduce((sum, table) => sum + (table.rows as Row[]).length, 0)
    expect(await countAggregatedRows(filters({ level: 'servicePoint' }), NATIONAL)).toBe(total)
  })
})

describe('verified responses in the aggregated export', () => {
  test("every unit's rows carry the verified count and share of its n", async () => {
    const { tables } = await aggregatedExport(filters({ level: 'province' }), NATIONAL)
    const ranking = await computeRanking({ year: 2025, index: 'SIPAS', peerGroup: 'provinces', provinceId: null })
    const codeOf = (provinceId: string) => ranking.rows.find((row) => row.unitId === provinceId)!.code
    const indices = rowsOf(tables, 'indices')
    expect(byUnit(indices, codeOf(p1))[0]).toMatchObject({ n: 40, verified: 2, verified_share: 5, excluded: 0 })
    expect(byUnit(indices, codeOf(p0))[0]).toMatchObject({ verified: 0, verified_share: 0 })
  })

  test('responses=verified: the figures of the verified responses alone, and the file says so', async () => {
    const { meta, tables } = await aggregatedExport(filters({ level: 'province', responses: 'verified' }), NATIONAL)
    const indices = rowsOf(tables, 'indices')
    // two respondents, under the minimum n: the share is withheld like any percentage, the count stays
    expect(indices.map((row) => [row.n, row.verified, row.verified_share])).toEqual([[2, 2, null]])
    expect(meta.filters.map((filter) => [filter.label.en, filter.value])).toContainEqual(['Responses counted', 'verified'])
    const [figures] = await unitFigures({ period, level: 'province', ids: [p1] }, { responses: 'verified' })
    // two responses: below the minimum n, so no percentage is written
    expect(figures!.figures).toMatchObject({ n: 2, suppressed: true })
    expect(indices[0]).toMatchObject({ suppressed: true, percentage: null })
  })

  test('an unknown basis is refused with a message', () => {
    const result = readFilters(AggregatedFiltersSchema, new URLSearchParams({ period: '2025', level: 'province', responses: 'some' }))
    expect(result.fieldErrors).toEqual({ responses: { key: 'exports:filters.errors.responses' } })
  })
})
