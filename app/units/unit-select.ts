/*
 * How lists, pickers and headings name a unit, the same columns for every query that shows one.
 * Plain objects, so any module's query may spread them into its own `select`.
 */

/** An agency or a service point: its code and both names. */
export const unitSummarySelect = { id: true, code: true, name: true, nameEn: true } as const

/** A province (an administrative unit): its code and name. */
export const provinceSummarySelect = { id: true, code: true, name: true } as const
