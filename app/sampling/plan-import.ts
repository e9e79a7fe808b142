import { readCsvTable } from '~/forms/csv-records'
import { MAX_PLAN_ROWS, MAX_POPULATION_N, OPTIONAL_PLAN_COLUMNS, PLAN_COLUMNS, type PlanProblem } from './plan-format'
import { type ConfidenceLevel, DEFAULT_CONFIDENCE, DEFAULT_MARGIN_OF_ERROR, isConfidenceLevel, isMarginOfError } from './sample-size'

/*
 * Parses and checks a CSV of sampling plans (the format: plan-format.ts). Pure: which service
 * points exist, take part in the campaign and may be planned by this user is asked of the caller.
 * Every problem of every line is reported, so one upload shows all there is to fix.
 */

export type PlanInput = { populationN: number; marginOfError: number; confidence: ConfidenceLevel }
export type PlanRow = PlanInput & { line: number; servicePointId: string; code: string }

/** What a service point code names for this import: null when no service point has the code. */
export type PlannedPoint = { id: string; inCampaign: boolean; inScope: boolean }

export type ParsedPlans = { rows: PlanRow[]; problems: PlanProblem[] }

type Column = (typeof PLAN_COLUMNS)[number] | (typeof OPTIONAL_PLAN_COLUMNS)[number]

export function parsePlanCsv(text: string, servicePointOf: (code: string) => PlannedPoint | null): ParsedPlans {
  return readCsvTable<Column, PlanRow>(text, {
    required: PLAN_COLUMNS,
    optional: OPTIONAL_PLAN_COLUMNS,
    maxRows: MAX_PLAN_ROWS,
    parseRow: (line, field, problems) => parseRow(line, field, servicePointOf, problems),
    keyOf: (row) => row.servicePointId,
    duplicateValues: (row) => ({ code: row.code }),
  })
}

function parseRow(
  line: number,
  field: (column: Column) => string,
  servicePointOf: (code: string) => PlannedPoint | null,
  problems: PlanProblem[],
): PlanRow | null {
  const before = problems.length
  const code = field('service_point_code')
  const point = code === '' ? null : servicePointOf(code)
  if (code === '') problems.push({ line, key: 'import.errors.codeMissing' })
  else if (!point) problems.push({ line, key: 'import.errors.unknownServicePoint', values: { code } })
  else if (!point.inScope) problems.push({ line, key: 'import.errors.outsideScope', values: { code } })
  else if (!point.inCampaign) problems.push({ line, key: 'import.errors.notInCampaign', values: { code } })

  const input = parsePlanInput(
    { populationN: field('population_n'), marginOfError: field('margin_of_error'), confidence: field('confidence') },
    (key, value) =>
      problems.push({ line, key: `import.errors.${key}`, values: key === 'populationN' ? { value, max: MAX_POPULATION_N } : { value } }),
  )
  if (problems.length > before || !point || !input) return null
  return { line, servicePointId: point.id, code, ...input }
}

export type PlanFieldError = 'populationN' | 'marginOfError' | 'confidence'

/**
 * A plan from its three texts (the import's fields, or the plan form's): N a positive whole
 * number up to MAX_POPULATION_N, the margin a fraction in (0, 0.5], the confidence one of the
 * listed levels as a fraction or a percentage; empty margin and confidence take the defaults.
 * Reports each bad field to `problem` and returns null if there was any.
 */
export function parsePlanInput(
  texts: { populationN: string; marginOfError: string; confidence: string },
  problem: (field: PlanFieldError, value: string) => void,
): PlanInput | null {
  let ok = true
  const populationN = /^\d{1,9}$/.test(texts.populationN) ? Number(texts.populationN) : NaN
  if (!(populationN >= 1 && populationN <= MAX_POPULATION_N)) {
    problem('populationN', texts.populationN)
    ok = false
  }
  const marginOfError = texts.marginOfError === '' ? DEFAULT_MARGIN_OF_ERROR : decimal(texts.marginOfError)
  if (!isMarginOfError(marginOfError)) {
    problem('marginOfError', texts.marginOfError)
    ok = false
  }
  const stated = texts.confidence === '' ? DEFAULT_CONFIDENCE : decimal(texts.confidence)
  // 95 means 95 %; rounding drops the binary noise of 95 / 100.
  const confidence = stated > 1 ? Math.round(stated * 10) / 1000 : stated
  if (!isConfidenceLevel(confidence)) {
    problem('confidence', texts.confidence)
    ok = false
  }
  return ok ? { populationN, marginOfError, confidence: confidence as ConfidenceLevel } : null
}

/** 0.05 or 0,05; no grouping, no exponent, no percent sign. */
function decimal(text: string): number {
  return /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : NaN
}
