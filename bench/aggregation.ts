// `npm run bench:aggregation`: 1,000,000 responses (~25 answers each) in a fresh PostgreSQL
// database, then the figures the pages need, timed against a naive group-by over raw answers.
// BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5439/postgres) names the server; the
// database sipas_bench_agg is created and dropped (kept with BENCH_KEEP=1, to look into). BENCH_RESPONSES
// overrides the size.
import pg from 'pg'
import { connect } from '~/db/connect.server'
import { postgresAdapterFactory } from '~/db/adapters.server'
import { applyMigrations } from '~/db/migrations.server'
import { allItems } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { createRandom } from '../prisma/seed/random'
import { COMMUNES, DEPARTMENTS } from '../prisma/seed/agencies'
import { currentProvinces, provinceUnits } from '../prisma/seed/units'
import { databaseUrlFor } from '../test/postgres-url'

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5439/postgres'
const DATABASE = 'sipas_bench_agg'
const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 1_000_000)
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

try {
  await applyMigrations(postgresAdapterFactory(url, 1))
  // The app's modules must see this database as theirs: set it before they are imported.
  globalThis.__sipasDb = connect({ databaseUrl: url, poolSize: 4 })
  const sql = new pg.Client({ connectionString: url })
  await sql.connect()

  const { itemIds, servicePoints } = await createUnitsAndQuestionnaire()
  console.log(`Loading ${RESPONSES.toLocaleString('en')} responses into ${DATABASE}…`)
  const load = await time(() => loadResponses(sql, itemIds, servicePoints))
  await sql.query('ANALYZE')
  const sizes = await dataSizes(sql)
  line('responses / answers', `${sizes.responses.toLocaleString('en')} / ${sizes.answers.toLocaleString('en')}`)
  // Answers drawn per service point instead of per response would shrink the rollups and flatter every ratio.
  const { rows: distinct } = await sql.query<{ n: string }>(`SELECT count(DISTINCT "answerValues") AS n FROM "Response"`)
  line('distinct answer arrays (drawn per response)', Number(distinct[0]!.n).toLocaleString('en'))
  line('raw size (Response with its answer arrays, with indexes)', mb(sizes.rawBytes))
  line('load time (server-side INSERT … SELECT, indexes rebuilt)', seconds(load))

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
  line('provinces ranked', `${ranked.units.filter((unit) => unit.rank !== null).length} of ${ranked.units.length}`)
  line('total benchmark time', seconds(performance.now() - started))
  await sql.end()
  await globalThis.__sipasDb.close()
} finally {
  if (!process.env.BENCH_KEEP) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
  await admin.end()
}
// The schema engine leaves a timer running.
process.exit(0)

type BenchServicePoint = { id: string; agencyId: string; provinceId: string; provinceBefore: string; quality: number; share: number }

/** The 63 + 34 provinces with lineage, 11 agencies with one service point each per province, SIPAS 2023. */
async function createUnitsAndQuestionnaire() {
  const { prisma } = await import('~/db.server')
  const { createQuestionnaire, createDraft, publishVersion, getPublishedVersion } = await import('~/questionnaire/versions.server')
  const { createCampaign } = await import('~/questionnaire/campaigns.server')
  const random = createRandom(20_251_123)
  const { units, lineage } = provinceUnits()
  await prisma.adminUnit.createMany({
    data: units.map((u) => ({ ...u, validFrom: u.validFrom ? new Date(u.validFrom) : null, validTo: u.validTo ? new Date(u.validTo) : null })),
  })
  await prisma.unitLineage.createMany({ data: lineage.map((l) => ({ ...l, effectiveOn: new Date(l.effectiveOn) })) })
  const servicePoints: BenchServicePoint[] = []
  for (const province of currentProvinces()) {
    // Provinces differ in size (Hà Nội and TP. Hồ Chí Minh survey far more people than Lai Châu).
    const provinceSize = Math.exp(0.6 * random.normal()) * (['01', '79'].includes(province.code) ? 4 : 1)
    const quality = 0.8 + 0.06 * random.normal()
    for (const [i, agency] of [...DEPARTMENTS, ...COMMUNES].entries()) {
      const agencyId = `ag-${province.code}-${agency.abbr}`
      const code = `${province.code}-${agency.abbr}`
      await prisma.agency.create({
        data: { id: agencyId, code, name: agency.name, nameEn: agency.nameEn, kind: i < DEPARTMENTS.length ? 'department' : 'commune', provinceId: province.id },
      })
      const id = `sp-${province.code}${agency.abbr}`
      await prisma.servicePoint.create({ data: { id, code: `${province.code}${agency.abbr}`, name: id, nameEn: id, agencyId, provinceId: province.id } })
      servicePoints.push({
        id,
        agencyId,
        provinceId: province.id,
        provinceBefore: province.predecessors[i % province.predecessors.length]!,
        quality: Math.min(0.97, Math.max(0.5, quality + 0.05 * random.normal())),
        share: provinceSize * Math.exp(0.5 * random.normal()),
      })
    }
  }
  const { questionnaireId } = await createQuestionnaire({ slug: 'sipas', title: 'SIPAS', titleEn: 'SIPAS' })
  const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })
  await publishVersion(versionId)
  const version = (await getPublishedVersion(versionId))!
  await createCampaign({
    name: 'SIPAS 2025',
    nameEn: 'SIPAS 2025',
    startsOn: new Date(`${YEAR}-01-01`),
    endsOn: new Date(`${YEAR}-12-31`),
    versionId,
    servicePointIds: servicePoints.map((sp) => sp.id),
  })
  const itemIds = new Map(version.items.map((item) => [item.code, item.id]))
  return { itemIds, servicePoints }
}

/**
 * Generates the responses and answers inside PostgreSQL (INSERT … SELECT generate_series):
 * 25M answers through JavaScript would take far longer than the figures being measured.
 * Constraints and secondary indexes are dropped for the load and rebuilt after, as a bulk load
 * would do; foreign keys come back NOT VALID (the generator only writes valid ids).
 */
async function loadResponses(sql: pg.Client, itemIds: Map<string, number>, servicePoints: readonly BenchServicePoint[]) {
  const [{ id: versionId, campaign }] = (
    await sql.query<{ id: string; campaign: string }>(`SELECT v.id, c.id AS campaign FROM "QuestionnaireVersion" v JOIN "Campaign" c ON c."versionId" = v.id`)
  ).rows as [{ id: string; campaign: string }]
  await sql.query(`SET maintenance_work_mem = '512MB'`)
  await sql.query(`SET synchronous_commit = off`)
  await sql.query(`
    CREATE TABLE bench_sp (idx int PRIMARY KEY, id text, agency text, province text, province_before text, quality float8);
    CREATE TABLE bench_item (id int PRIMARY KEY, kind text, options int);`)
  await sql.query(
    `INSERT INTO bench_sp SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[])`,
    [
      servicePoints.map((_, i) => i),
      servicePoints.map((sp) => sp.id),
      servicePoints.map((sp) => sp.agencyId),
      servicePoints.map((sp) => sp.provinceId),
      servicePoints.map((sp) => sp.provinceBefore),
      servicePoints.map((sp) => sp.quality),
    ],
  )
  const items = allItems(sipas2023).filter((item) => ANSWERED_ITEMS.includes(item.code))
  await sql.query(`INSERT INTO bench_item SELECT * FROM unnest($1::int[], $2::text[], $3::int[])`, [
    items.map((item) => itemIds.get(item.code)!),
    items.map((item) => (item.code === 'screen.received_result' ? 'screen' : item.code === 'perc.harassment' ? 'harassment' : item.kind)),
    items.map((item) => item.options?.length ?? 0),
  ])
  // Service points are drawn in proportion to their share through a 10,000-slot lookup array.
  const total = servicePoints.reduce((sum, sp) => sum + sp.share, 0)
  const slots = servicePoints.flatMap((sp, i) => Array<number>(Math.max(1, Math.round((sp.share / total) * 10_000))).fill(i))

  // Constraints and indexes that would be checked or updated row by row: dropped for the load,
  // restored after (Response keeps its primary key, which Comment's foreign key needs).
  const constraints = (
    await sql.query<{ table: string; name: string; def: string; kind: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def, contype AS kind
       FROM pg_constraint
       WHERE conrelid = '"Response"'::regclass AND contype IN ('p', 'f', 'u')
         AND conname <> 'Response_pkey'
       ORDER BY contype = 'f' DESC`,
    )
  ).rows
  const indexes = (
    await sql.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE tablename = 'Response' AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
    )
  ).rows
  for (const c of constraints) await sql.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`)
  for (const index of indexes) await sql.query(`DROP INDEX "${index.name}"`)

  // Scale answers lean on the service point's quality, like the demo seed; 3 % don't know; half
  // the respondents tick a second priority, always a different one. OFFSET 0 keeps each subquery
  // whole, so every row draws its own day, service point and random numbers once.
  await sql.query(
    `INSERT INTO "Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId", "provinceId",
       channel, language, "submittedOn", flags, weight, "answerItemIds", "answerValues")
     SELECT gen_random_uuid(), 'B-' || d.g, 'bench', $1, $2, sp.id, sp.agency,
       CASE WHEN d.day < $5::date THEN sp.province_before ELSE sp.province END,
       (ARRAY['kiosk','kiosk','phone','phone','phone','paper','paper','web'])[1 + floor(random() * 8)::int]::"Channel",
       CASE WHEN random() < 0.92 THEN 'vi' ELSE 'en' END, d.day,
       CASE WHEN random() < 0.95 THEN 0 ELSE (ARRAY[1, 2, 4, 8])[1 + floor(random() * 4)::int] END,
       CASE WHEN random() < 0.8 THEN 1 ELSE round((0.4 + random() * 2.2)::numeric, 3)::float8 END,
       answers.items, answers.vals
     FROM (SELECT g, $6::date + floor(random() * 365)::int AS day,
             ($4::int[])[1 + floor(random() * cardinality($4::int[]))::int] AS idx
           FROM generate_series(1, $3::int) g OFFSET 0) d
     JOIN bench_sp sp ON sp.idx = d.idx
     CROSS JOIN LATERAL (
       SELECT array_agg(c.item ORDER BY c.item, t.value) AS items, array_agg(t.value ORDER BY c.item, t.value) AS vals
       FROM (
         SELECT item, CASE WHEN kind = 'multiSelect' AND w < 0.5
           THEN ARRAY[first, 1 + (first + floor(x * (options - 1))::int) % options] ELSE ARRAY[first] END AS vs
         FROM (
           SELECT item, kind, options, w, x,
             CASE kind
               WHEN 'screen' THEN 1
               WHEN 'harassment' THEN CASE WHEN u < q THEN 1 ELSE 1 + floor(v * 3)::int END
               WHEN 'satisfaction5' THEN CASE
                 WHEN u < 0.03 THEN -1
                 WHEN v < q * 0.45 THEN 5 WHEN v < q THEN 4
                 WHEN v < q + (1 - q) * 0.6 THEN 3 WHEN v < q + (1 - q) * 0.9 THEN 2 ELSE 1 END
               ELSE 1 + floor(u * options)::int
             END AS first
           -- d.g makes the draw depend on the response, not only on its service point: otherwise the
           -- planner may compute it once per service point (Memoize) and every response there is alike.
           FROM (SELECT i.id AS item, i.kind, i.options, sp.quality AS q, random() AS u, random() AS v, random() AS w,
                   random() AS x, d.g
                 FROM bench_item i OFFSET 0) drawn
         ) f
       ) c CROSS JOIN LATERAL unnest(c.vs) AS t(value)
     ) answers`,
    [versionId, campaign, RESPONSES, slots, MERGER_DAY, `${YEAR}-01-01`],
  )
  for (const c of [...constraints].reverse()) {
    const def = c.kind === 'f' ? `${c.def} NOT VALID` : c.def
    await sql.query(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${def}`)
  }
  for (const index of indexes) await sql.query(index.def)
  await sql.query(`DROP TABLE bench_sp, bench_item`)
}

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
