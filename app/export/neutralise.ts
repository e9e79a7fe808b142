/**
 * Characters that make a spreadsheet read a cell as a formula (or, tab and carriage return, that
 * some spreadsheets strip before looking for one). OWASP "CSV Injection".
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'])

/**
 * A text cell a spreadsheet will show as text: one that begins with a formula character gets a
 * leading single quote, so '=HYPERLINK(…)' typed into a comment stays inert. Numbers are never
 * passed here (a negative number is a number, not text).
 */
export function neutraliseCell(value: string): string {
  return value.length > 0 && FORMULA_START.has(value[0]!) ? `'${value}` : value
}
