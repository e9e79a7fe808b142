// `npm run bench:aggregation`: a year of SIPAS 2023 responses (~25 answers each) in a fresh
// PostgreSQL database, then the figures the pages need, timed against a naive group-by over raw
// answers. BENCH_RESPONSES is the size, or several sizes separated by commas (default
// 1000000,10000000): each size then runs in a child process of its own, one after the other, and a
// last table says how the recompute and the ranking page grow with the data. At the end the
// responses become short-form ones (core + one block) and the recompute is timed again.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5439/postgres) names the server; the
// database sipas_bench_agg_<size> is created and dropped (kept with BENCH_KEEP=1, to look into).
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import pg from 'pg'
import { databaseUrlFor } from '../test/postgres-url'
import { createUnitsAndQuestionnaire, loadResponses, openLoadDatabase } from './load-responses'

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5439/postgres'
/** The line a one-size run ends with, for the run over several sizes that started it. */
const RESULT_PREFIX = 'AGGREGATION_RESULT '
const SIZES = (process.env.BENCH_RESPONSES ?? '1000000,10000000').split(',').map(Number)
if (SIZES.length > 1) {
  await runSizes(SIZES)
  process.exit(0)
}
const RESPONSES = SIZES[0]!
const DATABASE = `sipas_bench_agg_${RESPONSES}`
const YEAR = 2025
const MERGER_DAY = '2025-07-01'
/** Timed runs of each page query after two warm-up runs. */
const PAGE_RUNS = 15
/** The 25 items every benchmark response answers (a multi-select adds a second tick for half). */
const ANSWERED_ITEMS = [
  'screen.received_result', 'demo.gender', 'demo.age_band', 'demo.procedure_field', 'perc.harassment',
  'perc.informal_payment', 'pol.participation', 'pol.implementation', 'pol.general',
  'svc.access.seats', 'svc.access.equipment', 'svc.access.general',
  'svc.procedures.documents', 'svc.procedures.time', 'svc.procedures.general',
  'svc.civil_servants.polite', 'svc.civil_servants.guides', 'svc.civil_servants.general',
  'svc.results.on_time', 'svc.results.accurate', 'svc.results.general',
  'svc.feedback.channel', 'svc.feedback.handled', 'svc.feedback.general', 'needs.priorities',
]

/** Blocks of the short form the second recompute reads (the demo's short form has four). */
const SHORT_FORM_BLOCKS = 4

const url = databaseUrlFor(SERVER_URL, DATABASE)
const admin = new pg.Client({ connectionString: SERVER_URL })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
await admin.query(`CREATE DATABASE ${DATABASE}`)
const started = performance.now()
const report: [string, string][] = []
const line = (label: string, value: string) => {
  report.push([label, value])
  console.log(`${label.padEnd(58)} ${value}`)
}
/** What the growth table of a run over several sizes reads (see runSizes). */
const measured: Record<string, number> = { responses: RESPONSES }
console.log(`bench/aggregation — ${new Date().toISOString()}, load average ${loadAverage()}`)

try {
  const { sql, close } = await openLoadDatabase(url)
  const { itemIds, servicePoints } = await createUnitsAndQuestionnaire(YEAR)
  console.log(`Loading ${RESPONSES.toLocaleString('en')} responses into ${DATABASE}…`)
  const load = await time(() =>
    loadResponses(sql, itemIds, servicePoints, { responses: RESPONSES, year: YEAR, mergerDay: MERGER_DAY, answeredItems: ANSWERED_ITEMS }),
  )
  await sql.query('ANALYZE')
  const sizes = await dataSizes(sql)
  line('responses / answers', `${sizes.responses.toLocaleString('en')} / ${sizes.answers.toLocaleString('en')}`)
  // Answers drawn per service point instead of per response would shrink the rollups and flatter every ratio.
  const { rows: distinct } = await sql.query<{ n: string }>(`SELECT count(DISTINCT "answerValues") AS n FROM "Response"`)
  line('distinct answer arrays (drawn per response)', Number(distinct[0]!.n).toLocaleString('en'))
  line('raw size (Response with its answer arrays, with indexes)', mb(sizes.rawBytes))
  line('load time (server-side INSERT … SELECT, indexes rebuilt)', seconds(load))
  Object.assign(measured, { loadMs: load, rawBytes: sizes.rawBytes })

  const { rebuildRollups, recomputeAll } = await import('~/aggregation/recompute.server')
  const rebuild = await time(() => rebuildRollups())
  await sql.query('ANALYZE')
  const rollups = await dataSizes(sql)
  line('rollup rebuild from raw (rebuildRollups)', seconds(rebuild))
  line('rollup rows (AnswerRollup / ResponseRollup)', `${rollups.answerRollups.toLocaleString('en')} / ${rollups.responseRollups.toLocaleString('en')}`)
  line('rollup size, with indexes', `${mb(rollups.rollupBytes)} (${ratio(rollups.rollupBytes / sizes.rawBytes)} of raw)`)
  const daily = await dailyGrain(sql)
  line('a daily rollup grain would keep (one month measured)', `${ratio(daily)} of that month's answers`)

  const { yearPeriod } = await import('~/aggregation/period')
  const year = yearPeriod(YEAR)
  const settings = { minN: 30, excludeFlagsMask: 0b111, useWeights: true }
  // Best of two runs each, so neither side pays for a cold buffer cache alone.
  const recompute = Math.min(await time(() => recomputeAll(year, settings)), await time(() => recomputeAll(year, settings)))
  const naive = Math.min(await time(() => naiveGroupBy(sql)), await time(() => naiveGroupBy(sql)))
  line(`full recompute, all levels + national (recomputeAll ${YEAR})`, seconds(recompute))
  line('naive SQL group-by over raw answers (province × item rates)', seconds(naive))
  line('recompute ÷ naive (target ≤ 0.20)', ratio(recompute / naive))
  Object.assign(measured, { rebuildMs: rebuild, recomputeMs: recompute, naiveMs: naive, rollupRows: rollups.answerRollups + rollups.responseRollups })

  const { nationalFigures, unitFigures, monthlyTrend } = await import('~/aggregation/figures.server')
  const { clearFigureCache } = await import('~/aggregation/figure-cache.server')
  const { rankUnits } = await import('~/ranking/rank')
  const rankingPage = async () => {
    const result = await nationalFigures({ period: year }, settings)
    return rankUnits(result.provinces.map((row) => ({ key: row.unitId, score: row.figures.suppressed ? null : row.figures.sipas })))
  }
  const agencyId = (await sql.query<{ id: string }>(`SELECT id FROM "Agency" WHERE code = '31-TP'`)).rows[0]!.id
  const dashboard = () =>
    Promise.all([
      unitFigures({ period: year, level: 'agency', ids: [agencyId] }, settings),
      unitFigures({ period: year, level: 'servicePoint', parentId: agencyId }, settings),
      monthlyTrend({ level: 'agency', unitId: agencyId, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` }, settings),
    ])
  const ranked = await rankingPage()
  const rankingCold = await median(3, async () => (clearFigureCache(), await time(rankingPage)))
  const rankingWarm = await warmMedian(rankingPage)
  line(`national ranking page, warm (median of ${PAGE_RUNS}, target < 200 ms)`, millis(rankingWarm))
  line('national ranking page, cache cleared (median of 3)', millis(rankingCold))
  line('ranking page warm ÷ naive group-by', ratio(rankingWarm / naive))
  const dashboardCold = await median(3, async () => (clearFigureCache(), await time(dashboard)))
  const dashboardWarm = await warmMedian(dashboard)
  line(`agency dashboard (agency + service points + trend), warm`, millis(dashboardWarm))
  line('agency dashboard, cache cleared (median of 3)', millis(dashboardCold))
  line('agency dashboard cache cleared ÷ naive group-by', ratio(dashboardCold / naive))
  Object.assign(measured, { rankingWarmMs: rankingWarm, rankingColdMs: rankingCold, dashboardWarmMs: dashboardWarm, dashboardColdMs: dashboardCold })
  line('provinces ranked', `${ranked.units.filter((unit) => unit.rank !== null).length} of ${ranked.units.length}`)

  // The same responses as short-form ones (docs/decisions/027-short-forms.md): each keeps the
  // core and one of SHORT_FORM_BLOCKS blocks, then the rollups are rebuilt and the recompute timed
  // again, next to the full-form figure above.
  const shortForm = await toShortForm(sql)
  line(`short form: answers kept (core + 1 of ${SHORT_FORM_BLOCKS} blocks)`, `${shortForm.answers.toLocaleString('en')} (${ratio(shortForm.answers / sizes.answers)} of the full form's)`)
  line('short form: responses rewritten (UPDATE, VACUUM)', seconds(shortForm.ms))
  const shortRebuild = await time(() => rebuildRollups())
  await sql.query('ANALYZE')
  const shortRollups = await dataSizes(sql)
  line('short form: rollup rebuild from raw', seconds(shortRebuild))
  line('short form: rollup rows (AnswerRollup / ResponseRollup)', `${shortRollups.answerRollups.toLocaleString('en')} / ${shortRollups.responseRollups.toLocaleString('en')}`)
  const recomputeShort = Math.min(await time(() => recomputeAll(year, settings)), await time(() => recomputeAll(year, settings)))
  line(`full recompute, short-form responses (full form: ${seconds(recompute)})`, seconds(recomputeShort))
  line('recompute short form ÷ full form', ratio(recomputeShort / recompute))
  Object.assign(measured, { recomputeShortMs: recomputeShort })
  line('total benchmark time', seconds(performance.now() - started))
  line('load average at the end (1, 5, 15 min; 2 cores)', loadAverage())
  console.log(`${RESULT_PREFIX}${JSON.stringify(measured)}`)
  await close()
} finally {
  if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await admin.end()
}
// The schema engine leaves a timer running.
process.exit(0)

/**
 * What a dashboard would do without rollups: item rates per province × item straight from the
 * raw answers (same period, exclusion rule, weights and lineage as the recompute).
 */
async function naiveGroupBy(sql: pg.Client) {
  // The same grouping memory the figure reads get (counts.server.ts), so both can hash.
  await sql.query(`SET work_mem = '64MB'`)
  await sql.query(
    `SELECT coalesce(l."successorId", r."provinceId") AS province, a."itemId",
       sum(r.weight) FILTER (WHERE a.value >= 1) AS valid,
       sum(r.weight) FILTER (WHERE a.value = ANY(i.positive)) AS positive,
       count(*) FILTER (WHERE a.value >= 1) AS n
     FROM "Response" r
     CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
     JOIN "Item" i ON i.id = a."itemId"
     LEFT JOIN "UnitLineage" l ON l."predecessorId" = r."provinceId" AND l."effectiveOn" <= $2::date
     -- the same flags predicate as counts.server.ts, so both get the same row estimates
     WHERE r."submittedOn" BETWEEN $1::date AND $2::date AND (r.flags = 0 OR (r.flags & 7) = 0)
     GROUP BY 1, 2`,
    [`${YEAR}-01-01`, `${YEAR}-12-31`],
  )
}

/**
 * Rewrites every response as a short-form one: its block from its id (hashtext here, as evenly
 * spread as formBlockFor and computed inside the server), its answers cut to the core and that
 * block of the proposed split (app/questionnaire/short-form-design.ts).
 */
async function toShortForm(sql: pg.Client): Promise<{ answers: number; ms: number }> {
  const { proposeShortForm } = await import('~/questionnaire/short-form-design')
  const { askedItemCodes } = await import('~/questionnaire/short-form')
  const { sipas2023 } = await import('~/questionnaire/templates/sipas-2023')
  const { rows: items } = await sql.query<{ id: number; code: string }>(`SELECT id, code FROM "Item"`)
  const shortForm = proposeShortForm(sipas2023, SHORT_FORM_BLOCKS)
  const asked = shortForm.blocks.flatMap((_, block) => {
    const codes = askedItemCodes(shortForm, block)!
    return items.filter((item) => codes.has(item.code)).map((item) => [block, item.id] as const)
  })
  const started = performance.now()
  await sql.query(`CREATE TEMP TABLE bench_asked (block int, item int, PRIMARY KEY (block, item))`)
  await sql.query(`INSERT INTO bench_asked SELECT * FROM unnest($1::int[], $2::int[])`, [asked.map(([block]) => block), asked.map(([, item]) => item)])
  await sql.query(`SET work_mem = '256MB'`)
  await sql.query(
    `UPDATE "Response" r SET "formBlock" = s.block, "answerItemIds" = s.items, "answerValues" = s.vals
     FROM (
       SELECT r.id, b.block,
         coalesce(array_agg(a.item ORDER BY a.ord) FILTER (WHERE q.item IS NOT NULL), '{}') AS items,
         coalesce(array_agg(a.value ORDER BY a.ord) FILTER (WHERE q.item IS NOT NULL), '{}') AS vals
       FROM "Response" r
       CROSS JOIN LATERAL (SELECT abs(hashtext(r.id::text)) % $1::int AS block) b
       CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") WITH ORDINALITY AS a(item, value, ord)
       LEFT JOIN bench_asked q ON q.block = b.block AND q.item = a.item
       GROUP BY r.id, b.block) s
     WHERE s.id = r.id`,
    [SHORT_FORM_BLOCKS],
  )
  await sql.query(`DROP TABLE bench_asked`)
  await sql.query('VACUUM ANALYZE "Response"')
  const ms = performance.now() - started
  return { answers: (await dataSizes(sql)).answers, ms }
}

/** Distinct day × service point × item × value × flags cells (AnswerRollup's key by day), in March. */
async function dailyGrain(sql: pg.Client): Promise<number> {
  const { rows } = await sql.query<{ cells: string; answers: string }>(`
    SELECT count(*) AS cells, sum(n) AS answers FROM (
      SELECT count(*) AS n
      FROM "Response" r CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
      WHERE r."submittedOn" BETWEEN '${YEAR}-03-01' AND '${YEAR}-03-31'
      GROUP BY r."submittedOn", r."servicePointId", a."itemId", a.value, r.flags) cells`)
  return Number(rows[0]!.cells) / Number(rows[0]!.answers)
}

async function dataSizes(sql: pg.Client) {
  const { rows } = await sql.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM "Response") AS responses, (SELECT sum(cardinality("answerValues")) FROM "Response") AS answers,
      (SELECT count(*) FROM "AnswerRollup") AS "answerRollups", (SELECT count(*) FROM "ResponseRollup") AS "responseRollups",
      pg_total_relation_size('"Response"') AS "rawBytes",
      pg_total_relation_size('"AnswerRollup"') + pg_total_relation_size('"ResponseRollup"') AS "rollupBytes"`)
  const row = rows[0]!
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Record<
    'responses' | 'answers' | 'answerRollups' | 'responseRollups' | 'rawBytes' | 'rollupBytes',
    number
  >
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

async function warmMedian(run: () => Promise<unknown>): Promise<number> {
  await run()
  await run()
  return median(PAGE_RUNS, () => time(run))
}

async function median(runs: number, measure: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await measure())
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(2)} s`
}

function millis(ms: number) {
  return `${ms.toFixed(1)} ms`
}

function mb(bytes: number) {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}

function ratio(value: number) {
  return value.toFixed(3)
}

function loadAverage() {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')
}

/** Each size in a child process of its own (a fresh database and fresh module state), then the growth. */
async function runSizes(sizes: number[]) {
  const results: Record<string, number>[] = []
  for (const size of sizes) {
    console.log(`\n── ${size.toLocaleString('en')} responses`)
    const child = spawn(process.argv[0]!, process.argv.slice(1), {
      env: { ...process.env, BENCH_RESPONSES: String(size) },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk
      process.stdout.write(chunk.toString().replace(new RegExp(`^${RESULT_PREFIX}.*\\n?`, 'm'), ''))
    })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    const result = output.split('\n').find((l) => l.startsWith(RESULT_PREFIX))
    if (code !== 0 || !result) throw new Error(`The run with ${size} responses failed (exit ${code})`)
    results.push(JSON.parse(result.slice(RESULT_PREFIX.length)) as Record<string, number>)
  }
  const [base, ...larger] = results
  console.log(`\nHow the work grows with the data (× the ${base!.responses!.toLocaleString('en')}-response run):`)
  const grows: [string, string][] = [
    ['responses', 'responses'],
    ['Response table with indexes', 'rawBytes'],
    ['load', 'loadMs'],
    ['rollup rebuild from raw', 'rebuildMs'],
    ['rollup rows', 'rollupRows'],
    ['full recompute (recomputeAll)', 'recomputeMs'],
    ['full recompute, short-form responses', 'recomputeShortMs'],
    ['naive group-by', 'naiveMs'],
    ['national ranking page, warm', 'rankingWarmMs'],
    ['national ranking page, cache cleared', 'rankingColdMs'],
    ['agency dashboard, warm', 'dashboardWarmMs'],
    ['agency dashboard, cache cleared', 'dashboardColdMs'],
  ]
  for (const [label, key] of grows) {
    const values = larger.map((r) => `${(r[key]! / base![key]!).toFixed(2)} ×`).join(', ')
    console.log(`  ${label.padEnd(40)} ${values}`)
  }
}
