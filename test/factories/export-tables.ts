import { Writable } from 'node:stream'
import type { ExportProducer } from '~/export/run-job.server'
import type { Column, ColumnType, ExportMeta, Row, Table } from '~/export/table'

/** A column for tests of the export formats. */
export function column(key: string, type: ColumnType, label = key): Column {
  return { key, type, label: { vi: `${label} (vi)`, en: label }, description: { vi: `Mô tả ${key}`, en: `About ${key}` } }
}

export function table(name: string, columns: readonly Column[], rows: Iterable<Row> | AsyncIterable<Row>): Table {
  return { name, title: { vi: `Bảng ${name}`, en: `Table ${name}` }, columns, rows }
}

export const sampleMeta: ExportMeta = {
  methodologyCodes: ['sipas-2023'],
  period: { key: '2025', from: '2025-01-01', to: '2025-12-31', label: { vi: 'Năm 2025', en: '2025' } },
  filters: [{ label: { vi: 'Cấp', en: 'Level' }, value: 'province' }],
  minN: 30,
  suppressionRule: { vi: 'Con số dựa trên dưới 30 câu trả lời hợp lệ bị ẩn.', en: 'Figures on fewer than 30 valid answers are suppressed.' },
  producedAt: '2026-01-05T03:04:05.000Z',
}

/**
 * Where an export job's rows come from in a test of the job runner: `sampleMeta` and one table,
 * `units`, of `rows` in `columns` (by default a single string column `code`). Rows streamed by
 * a function, called afresh for every run, need `rowsExpected`.
 */
export function exportSource(
  rows: readonly Row[] | (() => AsyncIterable<Row>),
  { columns = [column('code', 'string')], rowsExpected = 0 }: { columns?: readonly Column[]; rowsExpected?: number } = {},
): ExportProducer {
  return async () =>
    typeof rows === 'function'
      ? { meta: sampleMeta, rowsExpected, tables: [table('units', columns, rows())] }
      : { meta: sampleMeta, rowsExpected: rows.length, tables: [table('units', columns, rows)] }
}

/** A writable stream that keeps what it is given; `done` is the whole of it once ended. */
export function collector() {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
      callback()
    },
  })
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on('finish', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })
  return { stream, done }
}
