import type { UnitFigures } from '~/aggregation/unit-figures'
import { Z_95 } from '~/aggregation/wilson'
import type { Methodology } from '~/questionnaire/definition'
import { type Criterion, indexWeights, pointsGained } from './points-gained'

/*
 * The gap table (docs/methodology.md, "Analysis for improvement plans"): every element and every
 * criterion item of the methodology with the unit's figure and interval, the national figure, the
 * best province's, the unit's own last period; the gap to the chosen comparator, whether it is
 * larger than the two figures' sampling error allows, and the index points closing it would add.
 * Figures come in as the aggregation module computed them; nothing here counts answers.
 */

export const COMPARATORS = ['national', 'best'] as const
export type Comparator = (typeof COMPARATORS)[number]

/** A unit's figures, with the variance of each element index where it is known (points²). */
export type GapUnit = { figures: UnitFigures; elementVariances?: Readonly<Record<string, number | null>> }
export type GapProvince = GapUnit & { unitId: string }

export type GapInputs = {
  methodology: Methodology
  unit: GapUnit
  /** Every province's figures in the unit's series and period: the national mean's inputs. */
  provinces: readonly GapProvince[]
  /** The unit's figures in the period before, in the same series; null when it has none. */
  previous: UnitFigures | null
  comparator: Comparator
  z?: number
}

export type GapRow = {
  kind: Criterion['kind']
  code: string
  /** The element the row belongs to (an element's own row: its code). */
  elementCode: string
  value: number | null
  low: number | null
  high: number | null
  /** Valid answers behind an item's rate; null for an element. */
  n: number | null
  national: number | null
  best: { value: number; unitId: string } | null
  previous: number | null
  /** The comparator's value, which closing the gap means reaching. */
  target: number | null
  /** target − value, in points of the figure: positive when the unit is behind. */
  gap: number | null
  /** The gap exceeds z·√(var unit + var comparator); null when a variance is unknown. */
  significant: boolean | null
  /** Index points gained by closing the gap (points-gained.ts). */
  pointsGained: number | null
  /** The figure enters the unit's index with a weight above 0 (2023 criteria items do not). */
  inIndex: boolean
}

export function gapRows(inputs: GapInputs): GapRow[] {
  const { methodology, unit, provinces, previous, comparator } = inputs
  const z = inputs.z ?? Z_95
  const itemRates = rateValues(unit.figures)
  const weights = indexWeights(methodology, itemRates)
  const rows: GapRow[] = []
  for (const element of methodology.elements) {
    const itemCodes = [...element.items, ...(element.generalItem && !element.items.includes(element.generalItem) ? [element.generalItem] : [])]
    rows.push(
      row({ kind: 'element', code: element.code }, element.code, {
        value: unit.figures.elements[element.code] ?? null,
        variance: unit.elementVariances?.[element.code] ?? null,
        of: (figures) => figures.elements[element.code] ?? null,
        varianceOf: (province) => province.elementVariances?.[element.code] ?? null,
        weight: weights.elements[element.code] ?? 0,
      }),
    )
    for (const code of itemCodes) {
      const rate = unit.figures.items[code]
      if (!rate) continue
      rows.push(
        row({ kind: 'item', code }, element.code, {
          value: rate.rate,
          variance: itemVariance(unit.figures, code),
          of: (figures) => figures.items[code]?.rate ?? null,
          varianceOf: (province) => itemVariance(province.figures, code),
          weight: weights.items[code] ?? 0,
          interval: { low: rate.low, high: rate.high, n: rate.n },
        }),
      )
    }
  }
  return rows.sort(byPointsGained)

  function row(
    criterion: Criterion,
    elementCode: string,
    figure: {
      value: number | null
      variance: number | null
      of: (figures: UnitFigures) => number | null
      varianceOf: (province: GapProvince) => number | null
      weight: number
      interval?: { low: number | null; high: number | null; n: number }
    },
  ): GapRow {
    const national = nationalOf(provinces, figure.of, figure.varianceOf)
    const best = bestOf(provinces, figure.of, figure.varianceOf)
    const target = comparator === 'national' ? national.value : (best?.value ?? null)
    const targetVariance = comparator === 'national' ? national.variance : (best?.variance ?? null)
    const gap = target === null || figure.value === null ? null : target - figure.value
    const elementInterval =
      figure.interval === undefined && figure.value !== null && figure.variance !== null
        ? { low: Math.max(0, figure.value - z * Math.sqrt(figure.variance)), high: Math.min(100, figure.value + z * Math.sqrt(figure.variance)) }
        : null
    return {
      kind: criterion.kind,
      code: criterion.code,
      elementCode,
      value: figure.value,
      low: figure.interval?.low ?? elementInterval?.low ?? null,
      high: figure.interval?.high ?? elementInterval?.high ?? null,
      n: figure.interval?.n ?? null,
      national: national.value,
      best: best ? { value: best.value, unitId: best.unitId } : null,
      previous: previous ? figure.of(previous) : null,
      target,
      gap,
      significant:
        gap === null || figure.variance === null || targetVariance === null
          ? null
          : Math.abs(gap) > z * Math.sqrt(figure.variance + targetVariance),
      pointsGained: pointsGained(methodology, itemRates, criterion, target),
      inIndex: figure.weight > 0,
    }
  }
}

/** An item rate's variance in points², normal approximation on the effective n; null without answers. */
function itemVariance(figures: UnitFigures, code: string): number | null {
  const rate = figures.items[code]
  if (!rate || rate.rate === null || !(rate.nEffective > 0)) return null
  return (rate.rate * (100 - rate.rate)) / rate.nEffective
}

/**
 * The national figure as nationalFigures computes it (the provinces' plain mean), and its
 * variance, Σ var_p / P², treating provinces as independent samples.
 */
function nationalOf(
  provinces: readonly GapProvince[],
  of: (figures: UnitFigures) => number | null,
  varianceOf: (province: GapProvince) => number | null,
): { value: number | null; variance: number | null } {
  const present = provinces.filter((province) => of(province.figures) !== null)
  if (present.length === 0) return { value: null, variance: null }
  const value = present.reduce((sum, province) => sum + of(province.figures)!, 0) / present.length
  const variances = present.map(varianceOf)
  const variance = variances.some((entry) => entry === null)
    ? null
    : variances.reduce((sum: number, entry) => sum + entry!, 0) / (present.length * present.length)
  return { value, variance }
}

/** The highest figure among provinces whose figures are published (not suppressed). */
function bestOf(
  provinces: readonly GapProvince[],
  of: (figures: UnitFigures) => number | null,
  varianceOf: (province: GapProvince) => number | null,
): { value: number; unitId: string; variance: number | null } | null {
  let best: { value: number; unitId: string; variance: number | null } | null = null
  for (const province of provinces) {
    if (province.figures.suppressed) continue
    const value = of(province.figures)
    if (value === null) continue
    if (!best || value > best.value || (value === best.value && province.unitId < best.unitId)) {
      best = { value, unitId: province.unitId, variance: varianceOf(province) }
    }
  }
  return best
}

function rateValues(figures: UnitFigures): Record<string, number | null> {
  const rates: Record<string, number | null> = {}
  for (const code in figures.items) rates[code] = figures.items[code]!.rate
  return rates
}

/** Most points first; then the widest gap; rows without points last; then by code. */
function byPointsGained(a: GapRow, b: GapRow): number {
  const points = (row: GapRow) => row.pointsGained ?? -Infinity
  const gap = (row: GapRow) => row.gap ?? -Infinity
  return points(b) - points(a) || gap(b) - gap(a) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
}
