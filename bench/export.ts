// `npm run bench:export`: a year of 1,000,000 SIPAS 2023 responses (every item answered, 5 % with
// a comment) in a fresh PostgreSQL database, then the microdata export as CSV and as XLSX, each in
// a child process of its own whose peak RSS is read, next to PostgreSQL's own COPY of the same
// query to a discarding sink in the same run; and the largest aggregated export (every service
// point, every item). Targets: CSV ≥ 0.5 × the COPY rate and < 300 MB RSS; XLSX < 500 MB RSS.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5439/postgres) names the server; the
// database is created and dropped (kept with BENCH_KEEP=1). BENCH_RESPONSES=100000 for a smaller
// run. XLSX is written at ~2,000 rows/s (a year took 463 s), so by default it and the bare row
// stream export one month (BENCH_XLSX_PERIOD, default 2025-03, ~85,000 rows); BENCH_XLSX_PERIOD=2025
// exports the year.
import { spawn } from 'node:child_process'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import pg from 'pg'
import { to as copyTo } from 'pg-copy-streams'
import { allItems } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { createUnitsAndQuestionnaire, loadResponses, openLoadDatabase } from './load-responses'
import { benchDatabase, linePrinter, megabytes, seconds, time } from './support'

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000)
const YEAR = 2025
const PERIOD = String(YEAR)
const XLSX_PERIOD = process.env.BENCH_XLSX_PERIOD ?? `${YEAR}-03`

const started = performance.now()
const { url, drop } = await benchDatabase('sipas_bench_export')
const line = linePrinter(62)

try {
  const { sql, close } = await openLoadDatabase(url)
  const { itemIds, servicePoints } = await createUnitsAndQuestionnaire(YEAR)
  console.log(`Loading ${RESPONSES.toLocaleString('en')} responses…`)
  const load = await time(() =>
    loadResponses(sql, itemIds, servicePoints, {
      responses: RESPONSES,
      year: YEAR,
      mergerDay: `${YEAR}-07-01`,
      answeredItems: allItems(sipas2023).filter((item) => item.kind !== 'text').map((item) => item.code),
      commentShare: 0.05,
      answerSets: 20_000,
    }),
  )
  await sql.query('ANALYZE')
  const { rows: sizes } = await sql.query<{ answers: string; bytes: string }>(
    `SELECT sum(cardinality("answerValues")) AS answers, pg_total_relation_size('"Response"') AS bytes FROM "Response"`,
  )
  line('responses / coded answers', `${RESPONSES.toLocaleString('en')} / ${Number(sizes[0]!.answers).toLocaleString('en')}`)
  line('Response table with indexes', `${(Number(sizes[0]!.bytes) / 1024 / 1024).toFixed(0)} MB`)
  line('load (INSERT … SELECT generate_series, 20,000 answer sets)', seconds(load))

  const { microdataCopyStatement } = await import('~/export/microdata.server')
  const statement = await microdataCopyStatement({ period: PERIOD, includeComments: false }, { provinceId: null }, { includeComments: false })
  // PostgreSQL alone: the very COPY the CSV export runs, into a sink that discards it.
  const copy = await time(() => copyToSink(url, statement))
  line('PostgreSQL COPY (the same query) TO STDOUT, discarded', `${seconds(copy)}, ${rate(RESPONSES, copy)}`)

  const csv = await child('csv')
  line('microdata CSV export (writeMicrodataCsv), child process', `${seconds(csv.ms)}, ${rate(csv.rows, csv.ms)}, ${megabytes(csv.bytes)}`)
  line('  rate ÷ COPY rate (target ≥ 0.5)', ratio(csv.rows / csv.ms / (RESPONSES / copy)))
  line('  peak RSS (target < 300 MB) / RSS before the export', `${csv.peakMb.toFixed(0)} MB / ${csv.rssBeforeMb.toFixed(0)} MB`)
  const rows = await child('rows', XLSX_PERIOD)
  line(`rows as Row objects (COPY parsed), no writer, ${XLSX_PERIOD}`, `${seconds(rows.ms)}, ${rate(rows.rows, rows.ms)}; peak RSS ${rows.peakMb.toFixed(0)} MB`)
  const xlsx = await child('xlsx', XLSX_PERIOD)
  line(`microdata XLSX export (writeXlsx of the rows), ${XLSX_PERIOD}`, `${seconds(xlsx.ms)}, ${xlsx.rows.toLocaleString('en')} rows, ${rate(xlsx.rows, xlsx.ms)}, ${megabytes(xlsx.bytes)}`)
  line('  rate ÷ COPY rate (the year\'s)', ratio(xlsx.rows / xlsx.ms / (RESPONSES / copy)))
  line('  peak RSS (target < 500 MB) / RSS before the export', `${xlsx.peakMb.toFixed(0)} MB / ${xlsx.rssBeforeMb.toFixed(0)} MB`)

  const { rebuildRollups } = await import('~/aggregation/recompute.server')
  line('rollup rebuild (for the aggregated export)', seconds(await time(() => rebuildRollups())))
  const { aggregatedExport } = await import('~/export/aggregated.server')
  const { writeCsv } = await import('~/export/csv')
  let aggregatedRows = 0
  const aggregated = await time(async () => {
    const { tables } = await aggregatedExport({ period: PERIOD, level: 'servicePoint', index: 'SIPAS' }, { provinceId: null })
    aggregatedRows = await writeCsv(tables, discard())
  })
  line('largest aggregated export (service points × all items), CSV', `${seconds(aggregated)}, ${aggregatedRows.toLocaleString('en')} rows`)
  line('total benchmark time', seconds(performance.now() - started))
  await close()
} finally {
  await drop()
}
process.exit(0)

type ChildFigures = { rows: number; bytes: number; ms: number; rssBeforeMb: number; peakMb: number }

/** One export in a process of its own (vite-node, as this bench runs), so its peak RSS is the export's. */
async function child(mode: 'csv' | 'xlsx' | 'rows', period = PERIOD): Promise<ChildFigures> {
  const process_ = spawn('npx', ['vite-node', '--config', 'vitest.config.ts', 'bench/export-child.ts', mode, period], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  process_.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => process_.once('exit', resolve))
  if (code !== 0) throw new Error(`export child (${mode}) exited with ${code}`)
  return JSON.parse(output.trim().split('\n').at(-1)!) as ChildFigures
}

async function copyToSink(databaseUrl: string, text: string) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  await pipeline(client.query(copyTo(text)), discard())
  await client.end()
}

function discard() {
  return new Writable({ write: (_chunk, _encoding, callback) => callback() })
}

function rate(rows: number, ms: number) {
  return `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`
}
function ratio(value: number) {
  return value.toFixed(2)
}
