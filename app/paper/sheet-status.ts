/*
 * Where a sheet number stands. Every keyed copy of the number carries the same status (so the
 * first pass's rows alone give the batch's totals):
 *   keyed    — double entry: one pass keyed, waiting for the other;
 *   mismatch — double entry: the two passes disagree, waiting for a supervisor;
 *   agreed   — ready to count: saved (single entry), both passes alike, or resolved;
 *   counted  — stored as a response;
 *   void     — a void sheet (app/paper/void.ts), saved (single entry), both passes void, or
 *              resolved so: final, counts towards the batch, never a response.
 * `agreed` lasts only until the response is stored; a sheet left there (the database was
 * unavailable at that moment) is counted again from the reconciliation page.
 */
export type SheetStatus = 'keyed' | 'mismatch' | 'agreed' | 'counted' | 'void'

export const FIRST_PASS = 1
export const SECOND_PASS = 2
/** The supervisor's resolved copy of a sheet the two passes disagreed on. */
export const RESOLUTION_PASS = 3

export type SheetCopy = { id: string; pass: number }

/** The copy a response is made from: the supervisor's when there is one, else the first pass. */
export function countedCopy<T extends SheetCopy>(copies: readonly T[]): T | undefined {
  return copies.find((copy) => copy.pass === RESOLUTION_PASS) ?? copies.find((copy) => copy.pass === FIRST_PASS)
}

export type BatchTotals = {
  /** Sheets keyed by the first pass, and by the second (double entry only); void sheets included. */
  keyed: number
  keyedSecond: number
  counted: number
  /** Settled as void: part of `keyed`, never counted. */
  void: number
  mismatches: number
  /** Agreed but not stored yet. */
  waiting: number
}

/** A batch's totals from row counts grouped by pass and status. */
export function batchTotals(groups: readonly { pass: number; status: string; count: number }[]): BatchTotals {
  const first = groups.filter((group) => group.pass === FIRST_PASS)
  const sum = (rows: typeof groups) => rows.reduce((total, row) => total + row.count, 0)
  return {
    keyed: sum(first),
    keyedSecond: sum(groups.filter((group) => group.pass === SECOND_PASS)),
    counted: sum(first.filter((group) => group.status === 'counted')),
    void: sum(first.filter((group) => group.status === 'void')),
    mismatches: sum(first.filter((group) => group.status === 'mismatch')),
    waiting: sum(first.filter((group) => group.status === 'agreed')),
  }
}
