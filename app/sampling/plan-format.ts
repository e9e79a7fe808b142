import type { CsvProblem } from '~/forms/csv-records'

/*
 * The CSV of sampling plans a campaign's planner imports, as the plan page documents it: the
 * file conventions of app/forms/csv-records.ts (UTF-8, ',' or ';', quotes, blank lines skipped,
 * line numbers from 1 = header), and these columns in any order:
 *
 * - service_point_code: a service point taking part in the campaign (required);
 * - population_n: the people it serves during the campaign, a positive whole number (required);
 * - margin_of_error: a fraction in (0, 0.5], '.' or ',' as decimal mark (empty: 0.05);
 * - confidence: 0.90, 0.95 or 0.99, or 90, 95, 99 (empty: 0.95).
 *
 * This module holds what the page shows; the parser is plan-import.ts.
 */

export const PLAN_COLUMNS = ['service_point_code', 'population_n'] as const
export const OPTIONAL_PLAN_COLUMNS = ['margin_of_error', 'confidence'] as const
/** More than any province's service points in one campaign, with room for a national one. */
export const MAX_PLAN_ROWS = 20_000
/** Nobody is served ten million times in one campaign at one place: larger is a typo. */
export const MAX_POPULATION_N = 10_000_000

/** A problem with the file or one of its lines, as an i18n key of the `sampling` namespace. */
export type PlanProblem = CsvProblem
