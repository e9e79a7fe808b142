import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import type { Channel } from '~/generated/prisma/enums'
import { allItems } from '~/questionnaire/definition'
import { RESPONSE_MARKS } from '~/quality/flags'
import { collector } from '../../test/factories/export-tables'
import { type ResponseSpec, type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { testDatabase } from '../../test/database'
import { writeCsv } from './csv'
import type { MicrodataFilters } from './filters'
import { microdataExport, writeMicrodataCsv } from './microdata.server'
import type { Row, Table } from './table'

const FORMULA_COMMENT = '=HYPERLINK("http://example.com","bấm vào đây")'
const year = (period = '2025', more: Partial<MicrodataFilters> = {}): MicrodataFilters => ({ period, includeComments: false, ...more })
const national: { provinceId: string | null } = { provinceId: null }
const key = (code: string) => code.replace(/[.-]/g, '_')

let survey: Survey
const KIND_COMMENT = 'Cán bộ tận tình.\nThủ tục\tnhanh \\ gọn'
let specs: (ResponseSpec & { id: string; comment?: { text: string; hidden?: boolean } })[]
let codes: Map<string, string>

async function rowsOf(table: Table): Promise<Row[]> {
  const rows: Row[] = []
  for await (const row of table.rows) rows.push(row)
  return rows
}

async function exported(filters: MicrodataFilters, scope = national, includeComments = false) {
  const result = await microdataExport(filters, scope, { includeComments })
  const [responses, codebook] = result.tables as [Table, Table]
  return { ...result, responses, codebook, rows: await rowsOf(responses) }
}

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2023', 'sipas-2017'] })
  const [v23, v17] = survey.versions as [Survey['versions'][0], Survey['versions'][0]]
  const [sp0, sp1] = survey.servicePoints as [Survey['servicePoints'][0], Survey['servicePoints'][0]]
  const withPriorities = [...uniformAnswers(v23.definition, 4).filter((a) => a.itemCode !== 'needs.priorities'), { itemCode: 'needs.priorities', value: 2 }, { itemCode: 'needs.priorities', value: 5 }]
  const without = (value: number) => uniformAnswers(v23.definition, value).filter((a) => a.itemCode !== 'needs.priorities')
  const base: (ResponseSpec & { comment?: { text: string; hidden?: boolean } })[] = [
    { version: v23, servicePoint: sp0, submittedOn: '2025-03-04', channel: 'kiosk', flags: 2, weight: 1.5, answers: withPriorities, comment: { text: FORMULA_COMMENT } },
    // verified (a rating ticket), no quality flag
    { version: v23, servicePoint: sp0, submittedOn: '2025-05-10', channel: 'phone', flags: RESPONSE_MARKS.VERIFIED, answers: without(5), comment: { text: 'Bình luận bị ẩn', hidden: true } },
    { version: v23, servicePoint: sp1, submittedOn: '2025-06-01', channel: 'paper', answers: without(2), comment: { text: KIND_COMMENT } },
    { version: v17, servicePoint: sp1, submittedOn: '2025-07-01', channel: 'web', answers: uniformAnswers(v17.definition, 3) },
    { version: v23, servicePoint: sp0, submittedOn: '2024-12-31', channel: 'kiosk', answers: without(1) },
  ]
  const stored = await storeResponses(survey, base)
  specs = base.map((spec, i) => ({ ...spec, id: stored[i]!.id }))
  for (const spec of specs) {
    if (!spec.comment) continue
    await prisma.comment.create({
      data: { responseId: spec.id, itemCode: 'comment.suggestions', text: spec.comment.text, hiddenAt: spec.comment.hidden ? new Date() : null },
    })
  }
  const [units, agencies, points] = await Promise.all([
    prisma.adminUnit.findMany({ select: { id: true, code: true } }),
    prisma.agency.findMany({ select: { id: true, code: true } }),
    prisma.servicePoint.findMany({ select: { id: true, code: true } }),
  ])
  codes = new Map([...units, ...agencies, ...points].map((unit) => [unit.id, unit.code]))
})

/** What the export should say about a stored response, from what was stored (not from the export's decoding). */
function expectedRow(spec: (typeof specs)[number]): Row {
  const row: Row = {
    response_id: spec.id,
    province_code: codes.get(spec.servicePoint.provinceId)!,
    agency_code: codes.get(spec.servicePoint.agencyId)!,
    service_point_code: codes.get(spec.servicePoint.id)!,
    channel: spec.channel as Channel,
    version: spec.version === survey.versions[0] ? 1 : 2,
    methodology: spec.version.methodologyCode,
    submitted_on: spec.submittedOn,
    flags: (spec.flags ?? 0) & ~RESPONSE_MARKS.VERIFIED,
    verified: (spec.flags ?? 0) & RESPONSE_MARKS.VERIFIED ? 1 : 0,
    weight: spec.weight ?? 1,
  }
  for (const item of allItems(spec.version.definition)) {
    const values = spec.answers.filter((answer) => answer.itemCode === item.code).map((answer) => answer.value)
    if (item.kind === 'text') continue
    if (item.kind !== 'multiSelect') row[key(item.code)] = values[0] ?? null
    else for (const option of item.options ?? []) row[`${key(item.code)}__${option.value}`] = values.length ? Number(values.includes(option.value)) : null
  }
  return row
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const in2025 = () => specs.filter((spec) => spec.submittedOn.startsWith('2025')).sort(byId)

describe('microdataExport', () => {
  test('has one row per stored response of the period, in id order, with its codes and decoded answers', async () => {
    const { rows, rowsExpected, meta } = await exported(year())
    expect(rowsExpected).toBe(4)
    expect(rows.map((row) => row.response_id)).toEqual(in2025().map((spec) => spec.id))
    for (const [i, spec] of in2025().entries()) expect(rows[i]).toMatchObject(expectedRow(spec))
    expect(meta.methodologyCodes).toEqual(['sipas-2017', 'sipas-2023'])
  })

  test("an item another version asks is empty in a response to this one; columns are the versions' union in questionnaire order", async () => {
    const { responses, rows } = await exported(year())
    const keys = responses.columns.map((column) => column.key)
    const only2017 = allItems(survey.versions[1]!.definition).find((item) => !survey.versions[0]!.itemIds.has(item.code) && item.kind !== 'text')!
    const row2023 = rows.find((row) => row.methodology === 'sipas-2023')!
    expect(row2023[key(only2017.code)]).toBeNull()
    expect(keys.slice(0, 12)).toEqual(['response_id', 'province_code', 'agency_code', 'service_point_code', 'channel', 'questionnaire', 'version', 'methodology', 'submitted_on', 'flags', 'verified', 'weight'])
    // Every version's own items keep their order among the columns.
    for (const version of survey.versions) {
      const positions = allItems(version.definition)
        .filter((item) => item.kind !== 'text' && item.kind !== 'multiSelect')
        .map((item) => keys.indexOf(key(item.code)))
      expect(positions.every((position) => position > 0)).toBe(true)
      expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    }
  })

  test('a multi-select item has a 0/1 column per option, empty when the item was not answered', async () => {
    const { rows } = await exported(year())
    const ticked = rows.find((row) => row.response_id === specs[0]!.id)!
    const untouched = rows.find((row) => row.response_id === specs[1]!.id)!
    const options = allItems(survey.versions[0]!.definition).find((item) => item.code === 'needs.priorities')!.options!
    expect(options.map((option) => ticked[`needs_priorities__${option.value}`])).toEqual(options.map((option) => ([2, 5].includes(option.value) ? 1 : 0)))
    expect(options.map((option) => untouched[`needs_priorities__${option.value}`])).toEqual(options.map(() => null))
  })

  test('the codebook lists every option of every item of the versions, the channels and the flag bits', async () => {
    const { codebook } = await exported(year())
    const lines = (await rowsOf(codebook)) as { variable: string; item_code: string | null; code: string | null; label_vi: string; label_en: string }[]
    for (const version of survey.versions) {
      for (const item of allItems(version.definition)) {
        for (const option of item.kind === 'multiSelect' ? [] : (item.options ?? [])) {
          expect(lines).toContainEqual(expect.objectContaining({ variable: key(item.code), item_code: item.code, code: String(option.value), label_vi: option.label.vi }))
        }
        for (const option of item.kind === 'multiSelect' ? (item.options ?? []) : []) {
          expect(lines).toContainEqual(expect.objectContaining({ variable: `${key(item.code)}__${option.value}`, code: null, label_en: `${item.text.en} — ${option.label.en}` }))
        }
      }
    }
    expect(lines).toContainEqual(expect.objectContaining({ variable: 'svc_access_seats', code: '5', label_vi: 'Rất hài lòng', label_en: 'Very satisfied' }))
    expect(lines.filter((line) => line.variable === 'channel' && line.code).map((line) => line.code)).toEqual(['kiosk', 'phone', 'paper', 'web'])
    expect(lines.filter((line) => line.variable === 'flags' && line.code).map((line) => line.code)).toEqual(['1', '2', '4', '8', '16'])
    expect(lines.filter((line) => line.variable === 'verified' && line.code).map((line) => line.code)).toEqual(['1', '0'])
  })

  test('comments are absent unless asked for, and then hidden ones stay out', async () => {
    const without = await exported(year())
    expect(without.responses.columns.map((column) => column.key)).not.toContain('comment')
    expect(without.rows.every((row) => !('comment' in row))).toBe(true)
    const withComments = await exported(year('2025', { includeComments: true }), national, true)
    const comment = (spec: (typeof specs)[number]) => withComments.rows.find((row) => row.response_id === spec.id)!.comment
    expect([specs[0], specs[1], specs[2], specs[3]].map((spec) => comment(spec!))).toEqual([FORMULA_COMMENT, null, KIND_COMMENT, null])
  })

  test("a province scope limits the rows to that province's, whatever province the filters name", async () => {
    const [province0, province1] = [survey.servicePoints[0]!.provinceId, survey.servicePoints[1]!.provinceId]
    const scoped = await exported(year('2025', { provinceId: province0 }), { provinceId: province1 })
    expect(scoped.rows.map((row) => row.response_id)).toEqual(in2025().filter((spec) => spec.servicePoint.provinceId === province1).map((spec) => spec.id))
    expect(scoped.rowsExpected).toBe(2)
    const filtered = await exported(year('2025', { provinceId: province0 }))
    expect(filtered.rows.map((row) => row.province_code)).toEqual([codes.get(province0), codes.get(province0)])
  })

  test('the period, channel and version filters choose the rows', async () => {
    expect((await exported(year('2025-Q2'))).rows.map((row) => row.submitted_on).sort()).toEqual(['2025-05-10', '2025-06-01'])
    expect((await exported(year('2024'))).rows.map((row) => row.submitted_on)).toEqual(['2024-12-31'])
    expect((await exported(year('2025', { channel: 'paper' }))).rows.map((row) => row.channel)).toEqual(['paper'])
    const v17 = await exported(year('2025', { versionId: survey.versions[1]!.id }))
    expect(v17.rows.map((row) => row.methodology)).toEqual(['sipas-2017'])
    expect(v17.responses.columns.map((column) => column.key)).not.toContain('needs_priorities__1')
  })

  test('a comment that looks like a formula is neutralised in the CSV, and the CSV PostgreSQL writes reads as the rows', async () => {
    const filters = year('2025', { includeComments: true })
    const viaRows = collector()
    await writeCsv((await microdataExport(filters, national, { includeComments: true })).tables.slice(0, 1), viaRows.stream)
    const direct = collector()
    const counted: number[] = []
    expect(await writeMicrodataCsv(filters, national, { includeComments: true }, direct.stream, (n) => counted.push(n))).toBe(4)
    expect(counted.at(-1)).toBe(4)
    const [rowsCsv, directCsv] = [(await viaRows.done).toString('utf8'), (await direct.done).toString('utf8')]
    expect(directCsv.startsWith('\uFEFF')).toBe(true)
    expect(directCsv.slice(1).split('\r\n').length).toBe(6)
    const records = parse(directCsv, { bom: true, columns: true }) as Record<string, string>[]
    expect(records.find((record) => record.response_id === specs[0]!.id)!.comment).toBe(`'${FORMULA_COMMENT}`)
    // Empty and quoted-empty fields read alike; everything else must be the same text.
    expect(records).toEqual(parse(rowsCsv, { bom: true, columns: true }))
  })
})

describe('a large export', () => {
  const RESPONSES = 20_000
  const COMMENT_LENGTH = 1000

  test('streams its rows in id order as they are read, the first before the query has read them all', async () => {
    const v23 = survey.versions[0]!
    const sp = survey.servicePoints[0]!
    const items = [...v23.itemIds.values()].slice(0, 20)
    // Bulk-inserted in SQL (storeResponses would take minutes on PGlite); long comments make each row ~1 KB.
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId", "provinceId",
         channel, language, "submittedOn", "answerItemIds", "answerValues")
       SELECT gen_random_uuid(), 'L-' || g, 'large', $1, $2, $3, $4, $5, 'kiosk', 'vi', DATE '2026-03-01' + g % 28, $6::int[],
         array_fill(1 + g % 5, ARRAY[${items.length}])
       FROM generate_series(1, ${RESPONSES}) g`,
      v23.id,
      survey.campaignId,
      sp.id,
      sp.agencyId,
      sp.provinceId,
      items,
    )
    await prisma.$executeRawUnsafe(
      `INSERT INTO "Comment" ("responseId", "itemCode", text) SELECT id, 'comment.suggestions', repeat('ý kiến ', ${COMMENT_LENGTH / 8}) FROM "Response" WHERE "bodyHash" = 'large'`,
    )
    const { tables, rowsExpected } = await microdataExport(year('2026'), national, { includeComments: true })
    expect(rowsExpected).toBe(RESPONSES)
    const iterator = (tables[0]!.rows as AsyncIterable<Row>)[Symbol.asyncIterator]()
    const first = await iterator.next()
    expect(first.done).toBe(false)

    if (testDatabase().engine === 'postgres') {
      // The COPY is still running, held by the socket's back-pressure: it has produced only part of the rows.
      await new Promise((resolve) => setTimeout(resolve, 200))
      const [progress] = await prisma.$queryRaw<{ n: number }[]>`
        SELECT tuples_processed::int AS n FROM pg_stat_progress_copy WHERE datname = current_database()`
      expect(progress?.n).toBeLessThan(RESPONSES)
    } else {
      // Later pages are read only as the rows are consumed: a response stored now, last in id order, is in them.
      await prisma.$executeRawUnsafe(
        `INSERT INTO "Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId", "provinceId",
           channel, language, "submittedOn", "answerItemIds", "answerValues")
         VALUES ('ffffffff-ffff-4fff-bfff-ffffffffffff', 'L-late', 'large', $1, $2, $3, $4, $5, 'kiosk', 'vi', DATE '2026-03-01', '{}', '{}')`,
        v23.id,
        survey.campaignId,
        sp.id,
        sp.agencyId,
        sp.provinceId,
      )
    }
    const ids = [first.value!.response_id as string]
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) ids.push(next.value.response_id as string)
    expect(ids.length).toBe(testDatabase().engine === 'postgres' ? RESPONSES : RESPONSES + 1)
    expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true)
  })
})
