import type { ExportMeta, Table } from './table'

/** Writes `{ meta, tables: { name: { columns, rows } } }` into `out`, then ends it. */
export async function writeJson(
  _meta: ExportMeta,
  _tables: readonly Table[],
  _out: NodeJS.WritableStream,
  _onRows?: (n: number) => void,
): Promise<number> {
  throw new Error('writeJson: not yet written')
}

/** The JSON Schema (2020-12) of the file writeJson writes for these tables. */
export function jsonSchemaOf(_tables: readonly Table[]): object {
  throw new Error('jsonSchemaOf: not yet written')
}
