import type { Methodology } from '~/questionnaire/definition'

/*
 * Key drivers (docs/methodology.md, "Analysis for improvement plans"): which criteria move
 * satisfaction with their element, from the unit's respondents' own answers. Neither official
 * design has a standalone overall item, so each element's general item ("satisfied with this
 * element in general") is the outcome and the element's criteria items the predictors:
 * ordinary least squares of the general item's 1–5 code on the criteria's 1–5 codes, respondents
 * who gave a substantive answer (1–5) to all of them (don't-know and not-applicable are left out),
 * with a respondent bootstrap for the coefficients' 95 % intervals (seeded, so a page shows the
 * same figures every time). With fewer complete respondents than REGRESSION_MIN_N, or predictors
 * that cannot be told apart (a criterion everyone answered the same), the element falls back to a
 * correlation ranking: each criterion's Pearson correlation with the general item, on the
 * respondents who answered both, with the same bootstrap. docs/ says why.
 *
 * Importance of a criterion for the unit's index = its element's weight in the index × its
 * estimate (coefficient or correlation); answers are unweighted.
 */

/** One respondent's coded answers, by item code. */
export type RespondentAnswers = Readonly<Record<string, number>>

export type DriverMethod = 'regression' | 'correlation'

export type Driver = {
  itemCode: string
  elementCode: string
  /** Regression coefficient (general-item points per criterion point) or correlation. */
  estimate: number
  low: number | null
  high: number | null
  /** elementWeight × estimate, with the interval scaled alike. */
  importance: number
  importanceLow: number | null
  importanceHigh: number | null
}

export type ElementDrivers = {
  elementCode: string
  generalItem: string
  method: DriverMethod
  /** Respondents the estimates rest on (complete cases for a regression; the largest pair count for correlations). */
  n: number
  /** Why a correlation ranking was used instead of a regression; null for a regression. */
  fallback: 'smallSample' | 'collinear' | null
  drivers: Driver[]
}

/**
 * Fewer complete respondents than this and an element's regression falls back to correlations.
 * A coefficient's standard error grows as 1/√n and with the criteria's collinearity (in SIPAS
 * data criteria of one element correlate strongly); the usual rule of at least 15 respondents
 * per predictor (6 criteria at most per element) gives 90, and below 100 the bootstrap intervals
 * of the coefficients overlap so much the ranking is noise. Correlations need no such sample.
 */
export const REGRESSION_MIN_N = 100
/** Fewer respondents than this and an element gets no drivers at all (the figures' minimum n). */
const DRIVERS_MIN_N = 30
export const BOOTSTRAP_RESAMPLES = 200
const BOOTSTRAP_SEED = 20_261_207

export type DriverOptions = {
  /** Element code → its weight in the unit index (points-gained.ts: indexCoefficients). */
  elementWeights: Readonly<Record<string, number>>
  resamples?: number
  seed?: number
  regressionMinN?: number
  minN?: number
}

export function keyDrivers(
  methodology: Methodology,
  respondents: readonly RespondentAnswers[],
  options: DriverOptions,
): ElementDrivers[] {
  return methodology.elements.flatMap((element) => {
    if (!element.generalItem || element.items.length === 0) return []
    const result = elementDrivers(element.code, element.generalItem, element.items, respondents, options)
    return result ? [result] : []
  })
}

/** The drivers of one element, strongest first; null when too few respondents answered. */
export function elementDrivers(
  elementCode: string,
  generalItem: string,
  items: readonly string[],
  respondents: readonly RespondentAnswers[],
  options: DriverOptions,
): ElementDrivers | null {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES
  const minN = options.minN ?? DRIVERS_MIN_N
  const weight = options.elementWeights[elementCode] ?? 0
  const codes = [generalItem, ...items]
  // Rows of codes (NaN where no substantive answer): y first, then the criteria.
  const rows = respondents
    .map((answers) => codes.map((code) => substantive(answers[code])))
    .filter((row) => !Number.isNaN(row[0]!))
  const complete = rows.filter((row) => row.every((value) => !Number.isNaN(value)))
  const random = mulberry32(options.seed ?? BOOTSTRAP_SEED)

  let method: DriverMethod = 'regression'
  let fallback: ElementDrivers['fallback'] = null
  let estimates: (number | null)[] | null = null
  let n = complete.length
  if (complete.length < (options.regressionMinN ?? REGRESSION_MIN_N)) fallback = 'smallSample'
  else {
    estimates = regression(complete, identity(complete.length))
    if (estimates === null) fallback = 'collinear'
  }

  let samples: (number | null)[][]
  if (estimates !== null) {
    samples = bootstrap(complete.length, resamples, random, (picked) => regression(complete, picked))
  } else {
    method = 'correlation'
    n = Math.max(0, ...items.map((_, j) => rows.filter((row) => !Number.isNaN(row[j + 1]!)).length))
    if (n < minN) return null
    estimates = correlations(rows, identity(rows.length))
    samples = bootstrap(rows.length, resamples, random, (picked) => correlations(rows, picked))
  }
  if (n < minN) return null

  const drivers: Driver[] = []
  items.forEach((itemCode, j) => {
    const estimate = estimates![j]
    if (estimate == null) return
    const draws = samples.map((sample) => sample[j]).filter((value): value is number => value != null)
    const low = draws.length >= 20 ? quantile(draws, 0.025) : null
    const high = draws.length >= 20 ? quantile(draws, 0.975) : null
    drivers.push({
      itemCode,
      elementCode,
      estimate,
      low,
      high,
      importance: weight * estimate,
      importanceLow: low === null ? null : weight * low,
      importanceHigh: high === null ? null : weight * high,
    })
  })
  drivers.sort((a, b) => b.importance - a.importance || compare(a.itemCode, b.itemCode))
  return { elementCode, generalItem, method, n, fallback, drivers }
}

function substantive(value: number | undefined): number {
  return value !== undefined && value >= 1 && value <= 5 ? value : Number.NaN
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

/** `resamples` estimates, each on n respondents drawn with replacement; failed fits are skipped. */
function bootstrap(
  n: number,
  resamples: number,
  random: () => number,
  fit: (picked: readonly number[]) => (number | null)[] | null,
): (number | null)[][] {
  const samples: (number | null)[][] = []
  const picked = new Array<number>(n)
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) picked[i] = Math.floor(random() * n)
    const estimate = fit(picked)
    if (estimate) samples.push(estimate)
  }
  return samples
}

/**
 * OLS coefficients of column 0 on the other columns (with an intercept) over the rows `picked`;
 * null when the criteria cannot be told apart (a singular cross-product matrix).
 */
export function regression(rows: readonly (readonly number[])[], picked: readonly number[]): number[] | null {
  const k = rows[0] ? rows[0].length : 0
  // Centred cross-products: the intercept drops out and the system is better conditioned.
  const means = new Array<number>(k).fill(0)
  for (const i of picked) for (let c = 0; c < k; c++) means[c]! += rows[i]![c]!
  for (let c = 0; c < k; c++) means[c]! /= picked.length
  const p = k - 1
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0))
  const xty = new Array<number>(p).fill(0)
  for (const i of picked) {
    const row = rows[i]!
    const y = row[0]! - means[0]!
    for (let a = 0; a < p; a++) {
      const xa = row[a + 1]! - means[a + 1]!
      xty[a]! += xa * y
      for (let b = a; b < p; b++) xtx[a]![b]! += xa * (row[b + 1]! - means[b + 1]!)
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[a]![b] = xtx[b]![a]!
  return solve(xtx, xty)
}

/** Gaussian elimination with partial pivoting; null for a (numerically) singular matrix. */
function solve(matrix: number[][], vector: number[]): number[] | null {
  const n = vector.length
  const scale = Math.max(...matrix.map((row, i) => Math.abs(row[i]!)), 0)
  if (scale === 0) return null
  const a = matrix.map((row, i) => [...row, vector[i]!])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row
    if (Math.abs(a[pivot]![col]!) < 1e-9 * scale) return null
    ;[a[col], a[pivot]] = [a[pivot]!, a[col]!]
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / a[col]![col]!
      for (let c = col; c <= n; c++) a[row]![c]! -= factor * a[col]![c]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let row = n - 1; row >= 0; row--) {
    let sum = a[row]![n]!
    for (let c = row + 1; c < n; c++) sum -= a[row]![c]! * x[c]!
    x[row] = sum / a[row]![row]!
  }
  return x
}

/** Pearson correlation of column 0 with each other column, over the picked rows answering both. */
export function correlations(rows: readonly (readonly number[])[], picked: readonly number[]): (number | null)[] {
  const k = rows[0] ? rows[0].length : 0
  const result: (number | null)[] = []
  for (let c = 1; c < k; c++) {
    let n = 0
    let sx = 0
    let sy = 0
    let sxx = 0
    let syy = 0
    let sxy = 0
    for (const i of picked) {
      const x = rows[i]![c]!
      if (Number.isNaN(x)) continue
      const y = rows[i]![0]!
      n++
      sx += x
      sy += y
      sxx += x * x
      syy += y * y
      sxy += x * y
    }
    const vx = sxx - (sx * sx) / n
    const vy = syy - (sy * sy) / n
    result.push(n < 3 || vx <= 1e-12 || vy <= 1e-12 ? null : (sxy - (sx * sy) / n) / Math.sqrt(vx * vy))
  }
  return result
}

/** Linear-interpolated quantile (type 7, R's default) of unsorted values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.min(sorted.length - 1, below + 1)
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below)
}

/** A small seeded PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
