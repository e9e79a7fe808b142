import { createHash } from 'node:crypto'
import { parse } from 'csv-parse/sync'
import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { type ResponseSpec, type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { createUser } from '../../test/factories/accounts'
import type { TableResource } from './data-package'
import { isMicrodataColumn } from './publishable'
import { publishRelease } from './releases.server'

/*
 * One province with two agencies of one service point each, minimum n 30: in 2025 the first
 * service point has 40 respondents, the second 12 (its figures suppressed).
 */
let survey: Survey
let adminId: string
const NO_NOTES = { vi: '', en: '' }
const COMMENT = 'Cán bộ tiếp nhận hồ sơ rất nhiệt tình'

function answers(count: number, satisfied: number, at: number, on: string): ResponseSpec[] {
  const version = survey.versions[0]!
  return Array.from({ length: count }, (_, i) => ({
    version,
    servicePoint: survey.servicePoints[at]!,
    submittedOn: on,
    answers: uniformAnswers(version.definition, i < satisfied ? 5 : 2),
  }))
}

async function filesOf(period: string, version: number) {
  const release = await prisma.openDataRelease.findUniqueOrThrow({
    where: { period_version: { period, version } },
    select: { id: true, correctsId: true, files: { select: { name: true, mediaType: true, content: true, bytes: true, sha256: true } } },
  })
  const files = new Map(release.files.map((file) => [file.name, { ...file, content: Buffer.from(file.content) }]))
  const text = (name: string) => files.get(name)!.content.toString('utf8')
  return { release, files, text, json: (name: string) => JSON.parse(text(name)) as Record<string, unknown> }
}

const csvRecords = (text: string) => parse(text, { bom: true, columns: true }) as Record<string, string>[]
const csvHeader = (text: string) => (parse(text, { bom: true, to: 1 }) as string[][])[0]!

beforeAll(async () => {
  survey = await createSurvey({ provinces: 1, agencies: 2, servicePoints: 1, versions: ['sipas-2023'] })
  adminId = (await createUser({ role: 'ministry_admin' })).id
  await storeResponses(survey, [...answers(40, 30, 0, '2025-03-01'), ...answers(12, 6, 1, '2025-03-02')])
  const [commented] = await prisma.response.findMany({ select: { id: true }, take: 1 })
  await prisma.comment.create({ data: { responseId: commented!.id, itemCode: 'COMMENT', text: COMMENT } })
  const published = await publishRelease('2025', NO_NOTES, adminId)
  expect(published).toMatchObject({ published: true, version: 1 })
})

describe('a published open-data release', () => {
  test('stores every file with the SHA-256 and size of its content', async () => {
    const { files } = await filesOf('2025', 1)
    expect([...files.keys()].sort()).toEqual(
      ['SHA256SUMS', 'agencies.csv', 'datapackage.json', 'figures.json', 'national.csv', 'provinces.csv', 'service-points.csv'],
    )
    for (const file of files.values()) {
      expect(file.sha256, file.name).toBe(createHash('sha256').update(file.content).digest('hex'))
      expect(file.bytes, file.name).toBe(file.content.byteLength)
    }
  })

  test('its data package and SHA256SUMS give each file its true size and checksum', async () => {
    const { files, json, text } = await filesOf('2025', 1)
    const descriptor = json('datapackage.json') as { resources: { path: string; bytes: number; hash: string }[]; licenses: unknown[] }
    expect(descriptor.resources.map((resource) => resource.path).sort()).toEqual(
      ['agencies.csv', 'figures.json', 'national.csv', 'provinces.csv', 'service-points.csv'],
    )
    for (const resource of descriptor.resources) {
      const file = files.get(resource.path)!
      expect(resource.bytes, resource.path).toBe(file.bytes)
      expect(resource.hash, resource.path).toBe(`sha256:${file.sha256}`)
    }
    const sums = text('SHA256SUMS').trim().split('\n').map((line) => line.split('  '))
    expect(sums.map(([, name]) => name).sort()).toEqual([...files.keys()].filter((name) => name !== 'SHA256SUMS').sort())
    for (const [sha256, name] of sums) expect(files.get(name!)!.sha256, name).toBe(sha256)
  })

  test("its data package's fields are each CSV's header, and every cell is of its field's type", async () => {
    const { json, text } = await filesOf('2025', 1)
    const resources = (json('datapackage.json') as { resources: TableResource[] }).resources.filter((resource) => resource.format === 'csv')
    expect(resources).toHaveLength(4)
    const matches: Record<string, RegExp> = {
      string: /^/,
      integer: /^-?\d+$/,
      number: /^-?\d+(\.\d+)?(e-?\d+)?$/,
      boolean: /^(true|false)$/,
      date: /^\d{4}-\d{2}-\d{2}$/,
    }
    for (const resource of resources) {
      const csv = text(resource.path)
      expect(csvHeader(csv), resource.path).toEqual(resource.schema.fields.map((field) => field.name))
      const records = csvRecords(csv)
      expect(records.length, resource.path).toBeGreaterThan(0)
      for (const record of records) {
        for (const field of resource.schema.fields) {
          const cell = record[field.name]!
          if (cell !== '') expect(cell, `${resource.path} ${field.name}`).toMatch(matches[field.type]!)
        }
      }
      for (const field of resource.schema.fields) {
        expect(field.title && field.title_en && field.description && field.description_en, field.name).toBeTruthy()
      }
    }
  })

  test("a suppressed unit's figures are empty cells, in the CSV and in the JSON", async () => {
    const { text, json } = await filesOf('2025', 1)
    const suppressedPoint = survey.servicePoints[1]!.id
    const rows = csvRecords(text('service-points.csv')).filter((row) => row.unit_code === suppressedPoint)
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect([row.suppressed, row.percentage, row.ci_low, row.ci_high]).toEqual(['true', '', '', ''])
    const shown = csvRecords(text('service-points.csv')).filter((row) => row.unit_code === survey.servicePoints[0]!.id)
    expect(shown.find((row) => row.measure_code === 'SIPAS')).toMatchObject({ suppressed: 'false', percentage: expect.stringMatching(/^\d/) })
    const tables = (json('figures.json') as { tables: Record<string, { rows: Record<string, unknown>[] }> }).tables
    const jsonRows = Object.values(tables).flatMap((table) => table.rows).filter((row) => row.unit_code === suppressedPoint)
    expect(jsonRows.length).toBe(rows.length)
    for (const row of jsonRows) expect([row.suppressed, row.percentage, row.ci_low, row.ci_high]).toEqual([true, null, null, null])
  })

  test('holds no microdata: no response column, no response id, no comment', async () => {
    const { files, text } = await filesOf('2025', 1)
    for (const name of ['national.csv', 'provinces.csv', 'agencies.csv', 'service-points.csv']) {
      expect(csvHeader(text(name)).filter(isMicrodataColumn), name).toEqual([])
    }
    const responseIds = (await prisma.response.findMany({ select: { id: true } })).map((response) => response.id)
    expect(responseIds.length).toBe(52)
    for (const file of files.values()) {
      const content = file.content.toString('utf8')
      expect(responseIds.filter((id) => content.includes(id)), file.name).toEqual([])
      expect(content.includes(COMMENT), file.name).toBe(false)
    }
  })

  test('the database refuses to change or delete a release or its files', async () => {
    const { release } = await filesOf('2025', 1)
    await expect(prisma.openDataRelease.update({ where: { id: release.id }, data: { notes: 'sửa' } })).rejects.toThrow(/immutable/)
    await expect(prisma.openDataRelease.delete({ where: { id: release.id } })).rejects.toThrow()
    await expect(
      prisma.openDataFile.update({ where: { releaseId_name: { releaseId: release.id, name: 'national.csv' } }, data: { bytes: 1 } }),
    ).rejects.toThrow(/immutable/)
    await expect(prisma.openDataFile.deleteMany({ where: { releaseId: release.id } })).rejects.toThrow(/immutable/)
    expect(await prisma.openDataFile.count({ where: { releaseId: release.id } })).toBe(7)
  })

  test('a period without figures is not published', async () => {
    expect(await publishRelease('2023', NO_NOTES, adminId)).toEqual({ published: false, reason: 'noFigures' })
    expect(await prisma.openDataRelease.count({ where: { period: '2023' } })).toBe(0)
  })
})

describe('a correction', () => {
  test('publishing the same figures again is refused', async () => {
    expect(await publishRelease('2025', { vi: 'Lần nữa', en: 'Again' }, adminId)).toEqual({ published: false, reason: 'unchanged' })
    expect(await prisma.openDataRelease.count({ where: { period: '2025' } })).toBe(1)
  })

  test('changed figures make version 2, which names version 1, says what changed, and is audited', async () => {
    // Late paper sheets: the second service point reaches the minimum n, so its figures appear.
    await storeResponses(survey, answers(20, 20, 1, '2025-11-20'))
    expect(await publishRelease('2025', NO_NOTES, adminId)).toEqual({ published: false, reason: 'correctionNotes' })
    const notes = { vi: 'Bổ sung 20 phiếu giấy nhập muộn.', en: 'Adds 20 paper sheets keyed late.' }
    expect(await publishRelease('2025', notes, adminId)).toMatchObject({ published: true, version: 2 })

    const first = await filesOf('2025', 1)
    const second = await filesOf('2025', 2)
    expect(second.release.correctsId).toBe(first.release.id)
    expect(second.json('datapackage.json')).toMatchObject({ version: '2.0.0', corrects_version: 1 })
    const changes = second.json('changes.json') as { corrects: number; files: { name: string; rowsChanged: number; examples: unknown[] }[] }
    expect(changes.corrects).toBe(1)
    const servicePoints = changes.files.find((file) => file.name === 'service-points.csv')!
    expect(servicePoints.rowsChanged).toBeGreaterThan(0)
    const point = survey.servicePoints[1]!.id
    expect(servicePoints.examples).toContainEqual({
      kind: 'changed',
      key: `servicePoint / ${point} / index / SIPAS / sipas-2023`,
      column: 'suppressed',
      before: 'true',
      after: 'false',
    })
    // Version 1 is untouched.
    expect(csvRecords(first.text('service-points.csv')).find((row) => row.unit_code === point)?.suppressed).toBe('true')
    const [event] = await prisma.auditEvent.findMany({ where: { action: 'open_data.published' }, orderBy: { at: 'desc' }, take: 1 })
    expect(event).toMatchObject({ actorId: adminId, target: `open_data_release:${second.release.id}` })
    expect(event?.details).toMatchObject({ period: '2025', version: 2, corrects: 1 })
  })
})
