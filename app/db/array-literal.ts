/** What a PostgreSQL array literal may hold here: text, numbers and NULL. */
export type ArrayElement = string | number | null

/**
 * A PostgreSQL array literal ('{1,2,NULL,"text"}') passed as ONE text parameter and cast in SQL
 * (`${arrayLiteral(ids)}::text[]`), for set-based statements over a batch (unnest).
 * NOTE: performance. The driver adapter converts a JS array parameter element by element; for a
 * batch's ~10,000 answer values that cost about 6× the CPU of building this string (measured:
 * 40 ms against 6.5 ms for 30,000 elements). Strings are always quoted and escaped, so any text
 * is safe; numbers and NULL are written bare.
 */
export function arrayLiteral(values: readonly ArrayElement[]): string {
  const elements = values.map((value) =>
    value === null ? 'NULL' : typeof value === 'number' ? String(value) : `"${value.replace(/[\\"]/g, '\\$&')}"`
  )
  return `{${elements.join(',')}}`
}
