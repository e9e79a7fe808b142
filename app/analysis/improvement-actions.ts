import { z } from 'zod'

/*
 * Improvement plans (ImprovementAction, docs/decisions/030-analysis.md): a province or agency
 * commits to an action for a weak criterion (an element or item of the methodology), with an
 * owner, a deadline and the figure the criterion should reach in a target period. The form's one
 * schema (react-hook-form in the browser, the action on the server; messages are keys of the
 * `improvement` namespace), and the rule that says whether the target was met.
 */

export const MAX_ACTION_LENGTH = 1000
export const MAX_OWNER_LENGTH = 200
/** Plans look one to three years ahead: a target period further away is a typo. */
const MAX_TARGET_YEARS_AHEAD = 3

const YEAR = /^\d{4}$/
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Whether `day` is a real day written YYYY-MM-DD (2026-02-30 is not). */
function isCalendarDay(day: string): boolean {
  if (!DAY.test(day)) return false
  const time = Date.parse(`${day}T00:00:00Z`)
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day)
}

export const ImprovementActionSchema = z
  .object({
    basePeriod: z.string().regex(YEAR, { error: 'actions.errors.basePeriod' }),
    targetPeriod: z.string().regex(YEAR, { error: 'actions.errors.targetPeriod' }),
    criterionCode: z.string().trim().min(1, { error: 'actions.errors.criterion' }).max(64, { error: 'actions.errors.criterion' }),
    action: z
      .string()
      .trim()
      .min(1, { error: 'actions.errors.actionRequired' })
      .max(MAX_ACTION_LENGTH, { error: 'actions.errors.actionTooLong' }),
    owner: z
      .string()
      .trim()
      .min(1, { error: 'actions.errors.ownerRequired' })
      .max(MAX_OWNER_LENGTH, { error: 'actions.errors.ownerTooLong' }),
    dueOn: z.string().refine(isCalendarDay, { error: 'actions.errors.dueOn' }),
    targetValue: z.preprocess(
      (value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.replace(',', '.'))) : value),
      z
        .number({ error: 'actions.errors.targetValue' })
        .min(0, { error: 'actions.errors.targetValue' })
        .max(100, { error: 'actions.errors.targetValue' }),
    ),
  })
  .refine(
    (input) => Number(input.targetPeriod) > Number(input.basePeriod) && Number(input.targetPeriod) <= Number(input.basePeriod) + MAX_TARGET_YEARS_AHEAD,
    { error: 'actions.errors.targetPeriod', path: ['targetPeriod'] },
  )
export type ImprovementActionInput = z.output<typeof ImprovementActionSchema>

/** A criterion's figure in a period: its value with the 95 % interval; null when it has none. */
export type CriterionFigure = { value: number; low: number | null; high: number | null }

/**
 * - `met`: the target period's figure reached the target value;
 * - `notMet`: it has a figure, below the target;
 * - `notMeasured`: no figure yet (no answers, or too few to publish).
 */
export type ActionStatus = 'met' | 'notMet' | 'notMeasured'

export type ActionOutcome = {
  status: ActionStatus
  /**
   * Whether the interval agrees: met with its lower bound at or above the target, or not met with
   * its upper bound below it. When false the outcome could be sampling noise and the page says so.
   */
  beyondNoise: boolean
  /** The target period has not ended: the figure (and so the outcome) may still change. */
  provisional: boolean
}

/**
 * Whether a target was met, read on the published figure of the target period (the same rounding
 * as the figure shown: 2 decimals), with the interval saying whether the verdict is firmer than
 * sampling noise. `periodEnded` is false while the target period is still running.
 */
export function actionOutcome(targetValue: number, figure: CriterionFigure | null, periodEnded: boolean): ActionOutcome {
  if (figure === null) return { status: 'notMeasured', beyondNoise: false, provisional: !periodEnded }
  const shown = Math.round(figure.value * 100) / 100
  const met = shown >= targetValue
  const beyondNoise = met ? figure.low !== null && figure.low >= targetValue : figure.high !== null && figure.high < targetValue
  return { status: met ? 'met' : 'notMet', beyondNoise, provisional: !periodEnded }
}

/** The target periods offered for a base period: the next years, nearest first. */
export function targetPeriodsFor(basePeriod: string): string[] {
  const base = Number(basePeriod)
  return Array.from({ length: MAX_TARGET_YEARS_AHEAD }, (_, i) => String(base + 1 + i))
}
