/*
 * A minimal, realistic world on a fresh PostgreSQL database, for the fault tests, the two-server
 * tests and the benchmarks: migrated, one province, service points (each of its own agency) with
 * an enrolled kiosk each, and the SIPAS 2023 questionnaire published with a campaign running
 * today; and valid submissions to it, the same body for the same id every time (a client's retry).
 *
 * NOTE: app modules connect to DATABASE_URL when ~/db.server is first loaded, once per process
 * (the client is kept on globalThis). openAppDatabase sets it before loading them, and fails if
 * this process's app modules already use another database: one world per process (per Vitest
 * test file).
 */
import { postgresAdapterFactory } from '~/db/adapters.server'
import { applyMigrations } from '~/db/migrations.server'
import { visibleItems } from '~/questionnaire/conditions'
import { allItems, type Definition, SCALE_KINDS } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import { vietnamDay } from '~/responses/vietnam-time'
import { createRandom, type Random } from '../../prisma/seed/random'

export type WorldPoint = { id: string; code: string; agencyId: string; token: string }

export type WorldSubmission = {
  id: string
  /** The service point it is for, with the token of that point's kiosk (X-Kiosk-Token). */
  point: WorldPoint
  envelope: { id: string; versionId: string; servicePointCode: string; language: string; startedAt: string; answers: SubmittedAnswers }
  /** The JSON body to POST to /api/submissions. */
  body: string
}

export type SurveyWorld = {
  databaseUrl: string
  provinceId: string
  versionId: string
  campaignId: string
  definition: Definition
  /** Item id by item code, as stored in Response.answerItemIds. */
  itemIds: Map<string, number>
  points: WorldPoint[]
  /** A valid submission with this id (a v4 UUID): the same point, answers and body for the same id. */
  submission(id: string): WorldSubmission
  /** Closes this process's app database connection (the world stays in the database). */
  close(): Promise<void>
}

/** Share of submissions that carry a comment, and the comments (realistic text, one with a phone number to scrub). */
const COMMENT_SHARE = 0.08
const COMMENTS = [
  'Cán bộ hướng dẫn tận tình, chu đáo.',
  'Thời gian chờ đợi còn lâu, cần thêm quầy tiếp nhận.',
  'Nên bổ sung ghế ngồi và nước uống cho người dân. Liên hệ 0912 345 678.',
  'Thủ tục rõ ràng, trả kết quả đúng hẹn.',
]
const DAY_MS = 86_400_000

/**
 * Points this process's app modules (~/db.server) at `databaseUrl` and returns the module. Call
 * before anything loads ~/db.server; a second call with the same URL is harmless.
 */
export async function openAppDatabase(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl
  const appDatabase = await import('~/db.server')
  if (appDatabase.db.serverUrl !== databaseUrl) {
    throw new Error(`This process's app modules already use ${appDatabase.db.serverUrl ?? 'PGlite'}, not ${databaseUrl}: one database per process.`)
  }
  return appDatabase
}

/** Migrates the database at `databaseUrl` and creates the world in it (see the top of this file). */
export async function createSurveyWorld(databaseUrl: string, { servicePoints = 10 }: { servicePoints?: number } = {}): Promise<SurveyWorld> {
  await applyMigrations(postgresAdapterFactory(databaseUrl, 1))
  const { db } = await openAppDatabase(databaseUrl)
  const { createCampaign } = await import('~/questionnaire/campaigns.server')
  const { createDraft, createQuestionnaire, getPublishedVersion, publishVersion } = await import('~/questionnaire/versions.server')
  const { createAgency, createProvince, createServicePoint } = await import('../../test/factories/units')
  const { createEnrolledKiosk } = await import('../../test/factories/kiosks')

  const province = await createProvince()
  const points: WorldPoint[] = []
  for (let i = 0; i < servicePoints; i++) {
    const servicePoint = await createServicePoint(await createAgency({ provinceId: province.id }))
    const kiosk = await createEnrolledKiosk({ name: `Ki-ốt ${i + 1}`, servicePointId: servicePoint.id })
    points.push({ id: servicePoint.id, code: servicePoint.code, agencyId: servicePoint.agencyId, token: kiosk.token })
  }
  const { questionnaireId } = await createQuestionnaire({ slug: `sipas-${province.code.toLowerCase()}`, title: 'SIPAS', titleEn: 'SIPAS' })
  const { versionId } = await createDraft({ questionnaireId, definition: sipas2023, methodologyCode: 'sipas-2023' })
  const published = await publishVersion(versionId)
  if (!published.published) throw new Error(`SIPAS 2023 does not publish: ${JSON.stringify(published.problems)}`)
  const version = (await getPublishedVersion(versionId))!
  const today = new Date(`${vietnamDay(new Date())}T00:00:00Z`)
  const { campaignId } = await createCampaign({
    name: 'Đợt khảo sát',
    nameEn: 'Survey round',
    startsOn: new Date(today.getTime() - 30 * DAY_MS),
    endsOn: new Date(today.getTime() + 30 * DAY_MS),
    versionId,
    servicePointIds: points.map((point) => point.id),
  })

  // Fixed now, so a submission made again for the same id has the same startedAt (and body).
  const createdAt = Date.now()
  return {
    databaseUrl,
    provinceId: province.id,
    versionId,
    campaignId,
    definition: version.definition,
    itemIds: new Map(version.items.map((item) => [item.code, item.id])),
    points,
    submission(id) {
      const random = createRandom(Number.parseInt(id.replace(/-/g, '').slice(0, 8), 16))
      const point = random.pick(points)
      const envelope = {
        id,
        versionId,
        servicePointCode: point.code,
        language: random.next() < 0.92 ? 'vi' : 'en',
        startedAt: new Date(createdAt - random.int(180, 900) * 1000).toISOString(),
        answers: surveyAnswers(random, version.definition),
      }
      return { id, point, envelope, body: JSON.stringify(envelope) }
    },
    close: () => db.close(),
  }
}

/** One respondent's answers to every item shown, like the demo seed's (prisma/seed/responses.ts). */
function surveyAnswers(random: Random, definition: Definition): SubmittedAnswers {
  const answers: SubmittedAnswers = { [definition.screening.item]: definition.screening.eligible[0]! }
  // Twice: items shown by a condition on an answer of the first pass get theirs on the second.
  for (let pass = 0; pass < 2; pass++) {
    for (const item of visibleItems(definition, codedAnswers(answers))) {
      if (answers[item.code] !== undefined || item.kind === 'text') continue
      if (!item.required && random.next() < 0.1) continue
      const options = (item.options ?? []).map((option) => option.value)
      if (SCALE_KINDS.includes(item.kind)) {
        if (item.allowDontKnow && random.next() < 0.04) answers[item.code] = -1
        else if (item.allowNotApplicable && random.next() < 0.05) answers[item.code] = -2
        else answers[item.code] = random.next() < 0.8 ? random.int(4, 5) : random.int(1, 3)
      } else if (item.kind === 'number') {
        answers[item.code] = random.int(item.min ?? 1, Math.min(item.max ?? 5, 10))
      } else if (item.kind === 'multiSelect') {
        answers[item.code] = [...new Set([random.pick(options), random.pick(options)])].sort((a, b) => a - b)
      } else {
        answers[item.code] = random.pick(options)
      }
    }
  }
  const text = allItems(definition).find((item) => item.kind === 'text')
  if (text && random.next() < COMMENT_SHARE) answers[text.code] = random.pick(COMMENTS)
  return answers
}
