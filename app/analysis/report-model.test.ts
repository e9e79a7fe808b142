import { describe, expect, test } from 'vitest'
import type { GapRow } from './gap'
import { type ReportInput, buildReportModel, reportGapRows } from './report-model'

const gap = (code: string, pointsGained: number | null, extra: Partial<GapRow> = {}): GapRow => ({
  kind: 'item',
  code,
  elementCode: 'access',
  value: 80,
  low: 76,
  high: 84,
  n: 200,
  national: 85,
  best: { value: 92, unitId: 'tn' },
  previous: 78,
  target: 85,
  gap: 5,
  significant: true,
  pointsGained,
  inIndex: true,
  ...extra,
})

const input: ReportInput = {
  unitName: 'Bà Rịa - Vũng Tàu',
  periodKey: '2025',
  periodLabel: 'Năm 2025',
  n: 640,
  suppressed: false,
  minN: 30,
  sipas: 82.5,
  sipasInterval: { low: 80.1, high: 84.9 },
  nationalSipas: 84,
  labels: { a: 'Giờ mở cửa', b: 'Thái độ công chức', access: 'Tiếp cận dịch vụ' },
  provinceNames: { tn: 'Thái Nguyên' },
  gaps: [gap('a', 0.2), gap('b', 1.4), gap('access', null, { kind: 'element', gap: -1, significant: false })],
  drivers: [
    {
      elementCode: 'access',
      method: 'regression',
      n: 620,
      drivers: [
        { itemCode: 'a', importance: 0.05, importanceLow: 0.02, importanceHigh: 0.08 },
        { itemCode: 'b', importance: 0.12, importanceLow: 0.09, importanceHigh: 0.15 },
      ],
    },
  ],
  chart: { points: [{ itemCode: 'b', importance: 0.12, performance: 70, quadrant: 'fixFirst' }], importanceCut: 0.08, performanceCut: 80 },
  methodology: { criteriaOutsideIndex: true, regressionMinN: 100, bootstrapResamples: 200, driverRespondents: 620 },
  actions: [
    {
      criterionCode: 'b',
      action: 'Tập huấn kỹ năng giao tiếp',
      owner: 'Sở Nội vụ',
      dueOn: '2026-06-30',
      targetPeriod: '2026',
      targetValue: 85,
      baselineValue: 80,
      figure: { value: 83, low: 79, high: 87 },
      outcome: { status: 'notMet', beyondNoise: false, provisional: true },
    },
  ],
  peers: null,
}

// The keys and parameters, so the test reads what the model asks to be said.
/** Numbers are formatted with no-break spaces before the unit; compared as plain spaces here. */
const plain = (cells: readonly string[]) => cells.map((cell) => cell.replace(/[\u00a0\u202f]/g, ' '))
const t = (key: string, params?: Record<string, string | number>) => (params ? `${key} ${JSON.stringify(params)}` : key)

describe('the report model', () => {
  test('gap rows come most index points first, rows without points last', () => {
    expect(reportGapRows(input.gaps).map((row) => row.code)).toEqual(['b', 'a', 'access'])
  })

  test('the gap table names each criterion, with its interval, the best province and the significance mark', () => {
    const model = buildReportModel(input, t, 'vi')
    expect(plain(model.gapTable.rows[0]!)).toEqual(['Thái độ công chức', '80,00 %', '76,00 – 84,00 %', '85,00 %', '92,00 % (Thái Nguyên)', '78,00 %', '5,00 *', '1,40'])
    expect(model.gapTable.rows[2]![0]).toBe('report.elementMarkTiếp cận dịch vụ')
    expect(model.gapTable.rows[2]![6]).toBe('-1,00')
  })

  test('drivers most important first with their intervals; the chart keeps fix-first points', () => {
    const model = buildReportModel(input, t, 'en')
    expect(model.driverTable.rows.map((row) => row[1])).toEqual(['Thái độ công chức', 'Giờ mở cửa'])
    expect(model.driverTable.rows[0]![4]).toBe('0.090 – 0.150')
    expect(model.chart.points).toEqual([{ label: 'Thái độ công chức', importance: 0.12, performance: 70, fixFirst: true }])
  })

  test('an action shows its target, result with interval and status (not met, within noise, provisional)', () => {
    const row = plain(buildReportModel(input, t, 'vi').actionTable.rows[0]!)
    expect(row[5]).toBe('report.targetIn {"value":"85,00 %","period":"2026"}')
    expect(row[6]).toBe('83,00 % (79,00 – 87,00 %)')
    expect(row[7]).toBe('report.outcome.notMet report.withinNoise report.provisional')
  })

  test('the methodology note explains criteria outside the index only when the design has them', () => {
    expect(buildReportModel(input, t, 'vi').methodology).toContain('report.methodCriteriaOutside')
    const other = { ...input, methodology: { ...input.methodology, criteriaOutsideIndex: false } }
    expect(buildReportModel(other, t, 'vi').methodology).not.toContain('report.methodCriteriaOutside')
  })

  test('no peers, no comparison table; a suppressed unit says why it has no figures', () => {
    expect(buildReportModel(input, t, 'vi').peerTable).toBeNull()
    expect(buildReportModel({ ...input, suppressed: true, n: 12 }, t, 'vi').summary).toBe('report.summarySuppressed {"n":"12","minN":30}')
  })
})
