import type { Language } from '~/i18n/config'
import { MISSING, formatDate, formatDecimal, formatNumber, formatPercent, formatRankChange } from '~/i18n/format'
import { formatInterval } from '~/ranking/format-score'
import type { GapRow } from './gap'
import type { ActionOutcome, CriterionFigure } from './improvement-actions'
import type { Quadrant } from './importance-performance'

/*
 * What the analysis report says (docs/decisions/030-analysis.md), as text already formatted in
 * the reader's language: the printable page and the PDF draw the same model, so they cannot say
 * different things. Pure: the figures come in from the analysis, the plan and the comparison;
 * `t` is the `improvement` namespace's translation.
 */

type Translate = (key: string, params?: Record<string, string | number>) => string

/** The inputs, as the analysis (loadUnitAnalysis), the plan and the comparison give them. */
export type ReportInput = {
  unitName: string
  periodKey: string
  periodLabel: string
  n: number
  suppressed: boolean
  minN: number
  sipas: number | null
  sipasInterval: { low: number; high: number } | null
  nationalSipas: number | null
  labels: Readonly<Record<string, string>>
  provinceNames: Readonly<Record<string, string>>
  gaps: readonly GapRow[]
  drivers: readonly {
    elementCode: string
    method: 'regression' | 'correlation'
    n: number
    drivers: readonly { itemCode: string; importance: number; importanceLow: number | null; importanceHigh: number | null }[]
  }[]
  chart: { points: readonly { itemCode: string; importance: number; performance: number; quadrant: Quadrant }[]; importanceCut: number | null; performanceCut: number | null }
  methodology: { criteriaOutsideIndex: boolean; regressionMinN: number; bootstrapResamples: number; driverRespondents: number }
  actions: readonly {
    criterionCode: string
    action: string
    owner: string
    dueOn: string
    targetPeriod: string
    targetValue: number
    baselineValue: number | null
    figure: CriterionFigure | null
    outcome: ActionOutcome
  }[]
  peers: {
    year: number
    baseline: 'previous' | 'pro-forma' | null
    units: readonly {
      name: string
      sipas: { value: number | null; low: number | null; high: number | null }
      standing: { rank: number | null; outOf: number; change: number | 'reorganised' | null } | null
    }[]
  } | null
}

export type ReportTable = { caption: string; columns: string[]; numeric: boolean[]; rows: string[][] }

export type ReportModel = {
  title: string
  subtitle: string
  summary: string
  gapTable: ReportTable
  driverTable: ReportTable
  chart: {
    title: string
    xLabel: string
    yLabel: string
    fixFirstLabel: string
    importanceCut: number | null
    performanceCut: number | null
    points: { label: string; importance: number; performance: number; fixFirst: boolean }[]
  }
  peerTable: ReportTable | null
  peerNote: string | null
  actionTable: ReportTable
  methodologyTitle: string
  methodology: string[]
}

/** Gap rows as the report lists them: most index points to gain first (as the analysis sorts them). */
export function reportGapRows(gaps: readonly GapRow[]): GapRow[] {
  return [...gaps].sort((a, b) => (b.pointsGained ?? -Infinity) - (a.pointsGained ?? -Infinity) || (b.gap ?? -Infinity) - (a.gap ?? -Infinity))
}

export function buildReportModel(input: ReportInput, t: Translate, locale: Language): ReportModel {
  const percent = (value: number | null) => formatPercent(value, locale)
  const interval = (low: number | null, high: number | null) => formatInterval(low, high, 'SIPAS', locale)
  const label = (code: string) => input.labels[code] ?? code
  const sipasText = input.suppressed
    ? t('report.summarySuppressed', { n: formatNumber(input.n, locale), minN: input.minN })
    : t('report.summary', {
        sipas: percent(input.sipas),
        interval: input.sipasInterval ? interval(input.sipasInterval.low, input.sipasInterval.high) : MISSING,
        n: formatNumber(input.n, locale),
        national: percent(input.nationalSipas),
      })

  const gapTable: ReportTable = {
    caption: t('report.gapCaption'),
    columns: [t('report.criterion'), t('report.value'), t('report.interval'), t('report.national'), t('report.best'), t('report.previous'), t('report.gap'), t('report.pointsGained')],
    numeric: [false, true, true, true, true, true, true, true],
    rows: reportGapRows(input.gaps).map((row) => [
      `${row.kind === 'element' ? t('report.elementMark') : ''}${label(row.code)}`,
      percent(row.value),
      interval(row.low, row.high),
      percent(row.national),
      row.best ? `${percent(row.best.value)} (${input.provinceNames[row.best.unitId] ?? MISSING})` : MISSING,
      percent(row.previous),
      row.gap === null ? MISSING : `${formatDecimal(row.gap, locale)}${row.significant ? ' *' : ''}`,
      row.pointsGained === null ? MISSING : formatDecimal(row.pointsGained, locale),
    ]),
  }

  const driverTable: ReportTable = {
    caption: t('report.driverCaption'),
    columns: [t('report.element'), t('report.criterion'), t('report.method'), t('report.importance'), t('report.interval')],
    numeric: [false, false, false, true, true],
    rows: input.drivers.flatMap((element) =>
      [...element.drivers]
        .sort((a, b) => b.importance - a.importance)
        .map((driver) => [
          label(element.elementCode),
          label(driver.itemCode),
          t(`report.methods.${element.method}`, { n: formatNumber(element.n, locale) }),
          formatDecimal(driver.importance, locale, 3),
          driver.importanceLow === null || driver.importanceHigh === null
            ? MISSING
            : `${formatDecimal(driver.importanceLow, locale, 3)} – ${formatDecimal(driver.importanceHigh, locale, 3)}`,
        ]),
    ),
  }

  const peers = input.peers
  const peerTable: ReportTable | null = peers
    ? {
        caption: t('report.peerCaption', { year: peers.year }),
        columns: [t('report.unit'), t('report.value'), t('report.interval'), t('report.rank'), t('report.change')],
        numeric: [false, true, true, true, true],
        rows: peers.units.map((unit) => [
          unit.name,
          percent(unit.sipas.value),
          interval(unit.sipas.low, unit.sipas.high),
          unit.standing?.rank ? `${unit.standing.rank}/${unit.standing.outOf}` : MISSING,
          unit.standing?.change === 'reorganised' ? t('report.reorganised') : formatRankChange(unit.standing?.change ?? null, locale),
        ]),
      }
    : null

  const actionTable: ReportTable = {
    caption: t('report.actionCaption'),
    columns: [t('report.criterion'), t('report.action'), t('report.owner'), t('report.dueOn'), t('report.baseline'), t('report.target'), t('report.result'), t('report.status')],
    numeric: [false, false, false, false, true, true, true, false],
    rows: input.actions.map((action) => [
      label(action.criterionCode),
      action.action,
      action.owner,
      formatDate(action.dueOn, locale),
      percent(action.baselineValue),
      t('report.targetIn', { value: percent(action.targetValue), period: action.targetPeriod }),
      action.figure ? `${percent(action.figure.value)} (${interval(action.figure.low, action.figure.high)})` : MISSING,
      [
        t(`report.outcome.${action.outcome.status}`),
        action.outcome.status !== 'notMeasured' && !action.outcome.beyondNoise ? t('report.withinNoise') : '',
        action.outcome.provisional && action.outcome.status !== 'notMeasured' ? t('report.provisional') : '',
      ]
        .filter(Boolean)
        .join(' '),
    ]),
  }

  return {
    title: t('report.title', { name: input.unitName }),
    subtitle: t('report.subtitle', { period: input.periodLabel }),
    summary: sipasText,
    gapTable,
    driverTable,
    chart: {
      title: t('report.chartTitle'),
      xLabel: t('report.chartX'),
      yLabel: t('report.chartY'),
      fixFirstLabel: t('report.fixFirst'),
      importanceCut: input.chart.importanceCut,
      performanceCut: input.chart.performanceCut,
      points: input.chart.points.map((point) => ({
        label: label(point.itemCode),
        importance: point.importance,
        performance: point.performance,
        fixFirst: point.quadrant === 'fixFirst',
      })),
    },
    peerTable,
    peerNote: peers?.baseline === 'pro-forma' ? t('report.proFormaBaseline', { year: peers.year - 1 }) : null,
    actionTable,
    methodologyTitle: t('report.methodologyTitle'),
    methodology: [
      t('report.methodIntervals'),
      t('report.methodGap'),
      t('report.methodPoints'),
      ...(input.methodology.criteriaOutsideIndex ? [t('report.methodCriteriaOutside')] : []),
      t('report.methodDrivers', {
        minN: input.methodology.regressionMinN,
        resamples: input.methodology.bootstrapResamples,
        n: formatNumber(input.methodology.driverRespondents, locale),
      }),
      t('report.methodActions'),
    ],
  }
}
