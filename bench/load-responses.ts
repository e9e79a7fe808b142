/*
 * Bulk-loads a year of SIPAS 2023 responses into a benchmark's PostgreSQL database, generated
 * inside the server (INSERT … SELECT generate_series): the units (63 + 34 provinces with lineage,
 * 11 agencies with one service point each per province), a published SIPAS 2023 version, its
 * campaign, then the responses. Shared by bench/aggregation.ts and bench/export.ts.
 */
import pg from 'pg'
import { postgresAdapterFactory } from '~/db/adapters.server'
import { connect } from '~/db/connect.server'
import { applyMigrations } from '~/db/migrations.server'
import { allItems } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { createRandom } from '../prisma/seed/random'
import { COMMUNES, DEPARTMENTS } from '../prisma/seed/agencies'
import { currentProvinces, provinceUnits } from '../prisma/seed/units'

export type LoadOptions = {
  responses: number
  year: number
  /** Responses before this day were submitted under the province's predecessor. */
  mergerDay: string
  /** The codes of the items every response answers (a multi-select adds a second tick for half). */
  answeredItems: readonly string[]
  /**
   * Draw the answers from a pool of this many sets instead of once per response: ~10× faster to
   * load, and an export costs the same whoever answered what. Not for figures: the aggregation
   * bench needs answers drawn per response (distinct arrays make the rollups as large as real
   * data does).
   */
  answerSets?: number
  /** The share of responses with a free-text comment (0 by default). */
  commentShare?: number
}

export type BenchServicePoint = { id: string; agencyId: string; provinceId: string; provinceBefore: string; quality: number; share: number }

/**
 * Readies the benchmark's empty database at `url`: migrates it, makes it the app's (before any
 * module using the app's database is imported) and opens a plain client (`sql`) to load the rows
 * with; `close()` closes both.
 */
export async function openLoadDatabase(url: string) {
  await applyMigrations(postgresAdapterFactory(url, 1))
  const db = connect({ databaseUrl: url, poolSize: 4 })
  globalThis.__sipasDb = db
  const sql = new pg.Client({ connectionString: url })
  await sql.connect()
  const close = async () => {
    await sql.end()
    await db.close()
  }
  return { sql, close }
}

/** The 63 + 34 provinces with lineage, 11 agencies with one service point each per province, SIPAS 2023. */
export async function createUnitsAndQuestionnaire(year: number) {
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
    name: `SIPAS ${year}`,
    nameEn: `SIPAS ${year}`,
    startsOn: new Date(`${year}-01-01`),
    endsOn: new Date(`${year}-12-31`),
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
export async function loadResponses(
  sql: pg.Client,
  itemIds: Map<string, number>,
  servicePoints: readonly BenchServicePoint[],
  options: LoadOptions,
) {
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
  const items = allItems(sipas2023).filter((item) => options.answeredItems.includes(item.code))
  await sql.query(`INSERT INTO bench_item SELECT * FROM unnest($1::int[], $2::text[], $3::int[])`, [
    items.map((item) => itemIds.get(item.code)!),
    // Both five-point scales are drawn alike (their values mean the same: 4 and 5 are positive).
    items.map((item) =>
      item.code === 'screen.received_result' ? 'screen' : item.code === 'perc.harassment' ? 'harassment' : item.kind === 'agreement5' ? 'satisfaction5' : item.kind,
    ),
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
  const sets = options.answerSets ?? 0
  if (sets > 0) {
    // A pool of answer sets drawn like a response's, each from a quality of its own.
    await sql.query(
      `CREATE TABLE bench_answers AS SELECT p.g AS idx, answers.items, answers.vals
       FROM (SELECT g, 0.6 + 0.35 * random() AS q FROM generate_series(1, $1::int) g OFFSET 0) p
       ${drawAnswers('p.q', 'p.g')}`,
      [sets],
    )
  }
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
             ($4::int[])[1 + floor(random() * cardinality($4::int[]))::int] AS idx,
             1 + floor(random() * $7::int)::int AS answer_set
           FROM generate_series(1, $3::int) g OFFSET 0) d
     JOIN bench_sp sp ON sp.idx = d.idx
     ${sets > 0 ? 'JOIN bench_answers answers ON answers.idx = d.answer_set' : drawAnswers('sp.quality', 'd.g')}`,
    [versionId, campaign, options.responses, slots, options.mergerDay, `${options.year}-01-01`, Math.max(sets, 1)],
  )
  for (const c of [...constraints].reverse()) {
    const def = c.kind === 'f' ? `${c.def} NOT VALID` : c.def
    await sql.query(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${def}`)
  }
  for (const index of indexes) await sql.query(index.def)
  await sql.query(`DROP TABLE IF EXISTS bench_sp, bench_item, bench_answers`)
  if (options.commentShare) await loadComments(sql, options.commentShare)
}

/**
 * The lateral join that draws one response's answers to every bench_item: `quality` is the share
 * of satisfied answers to aim at, `salt` a column that differs per row.
 */
function drawAnswers(quality: string, salt: string) {
  return `CROSS JOIN LATERAL (
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
           -- The salt makes the draw depend on the row, not only on its quality: otherwise the
           -- planner may compute it once per service point (Memoize) and every response there is alike.
           FROM (SELECT i.id AS item, i.kind, i.options, ${quality} AS q, random() AS u, random() AS v, random() AS w,
                   random() AS x, ${salt} AS salt
                 FROM bench_item i OFFSET 0) drawn
         ) f
       ) c CROSS JOIN LATERAL unnest(c.vs) AS t(value)
     ) answers`
}

// Comments as people write them, one beginning like a formula (a dash list) that exports must neutralise.
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, chu đáo.',
  'Thời gian chờ đợi còn lâu, cần thêm quầy tiếp nhận.',
  '- Nên bổ sung ghế ngồi\n- Nên có nước uống cho người dân',
  'Thủ tục rõ ràng, trả kết quả đúng hẹn; "một cửa" rất tiện.',
]

async function loadComments(sql: pg.Client, share: number) {
  await sql.query(
    `INSERT INTO "Comment" ("responseId", "itemCode", text)
     SELECT id, 'comment.suggestions', ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
     FROM "Response" WHERE random() < $1`,
    [share, COMMENTS],
  )
}

