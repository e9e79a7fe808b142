// The export process of bench/export.ts: runs one microdata export into a sink that counts and
// discards its bytes, and prints its figures as one JSON line, with its own peak RSS (VmHWM).
import { readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import { connect } from '~/db/connect.server'

const [mode, period] = process.argv.slice(2) as ['csv' | 'xlsx' | 'rows', string]
globalThis.__sipasDb = connect({ databaseUrl: process.env.DATABASE_URL!, poolSize: 2 })
const { microdataExport, writeMicrodataCsv } = await import('~/export/microdata.server')
const { writeXlsx } = await import('~/export/xlsx')

let bytes = 0
const sink = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    bytes += chunk.length
    callback()
  },
})
const filters = { period, includeComments: false }
const scope = { provinceId: null }
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024
const start = performance.now()
let rows = 0
if (mode === 'csv') rows = await writeMicrodataCsv(filters, scope, { includeComments: false }, sink)
else {
  const { meta, tables } = await microdataExport(filters, scope, { includeComments: false })
  if (mode === 'xlsx') rows = await writeXlsx(meta, tables, sink, 'vi')
  else for await (const row of tables[0]!.rows) rows += row.response_id ? 1 : 0
}
const ms = performance.now() - start
const peakMb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024
console.log(JSON.stringify({ rows, bytes, ms, rssBeforeMb, peakMb }))
await globalThis.__sipasDb.close()
process.exit(0)
