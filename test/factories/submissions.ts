import { randomUUID } from 'node:crypto'
import { foldPendingRollups } from '~/aggregation/rollup-fold.server'
import { prisma } from '~/db.server'
import { createCampaign } from '~/questionnaire/campaigns.server'
import type { Definition } from '~/questionnaire/definition'
import { createDraft, createQuestionnaire, publishVersion } from '~/questionnaire/versions.server'
import type { SubmittedAnswers } from '~/responses/answers'
import type { SubmissionEnvelopeInput } from '~/responses/envelope'
import type { StoredResponse } from '~/responses/store.server'
import { vietnamDay } from '~/responses/vietnam-time'
import { definition as smallDefinition } from '../fixtures/submission-definition'
import { createAgency, createProvince, createServicePoint } from './units'

const DAY_MS = 86_400_000
const day = (iso: string) => new Date(`${iso}T00:00:00Z`)
const shift = (iso: string, days: number) => new Date(day(iso).getTime() + days * DAY_MS).toISOString().slice(0, 10)

export async function publishDefinition(definition: Definition = smallDefinition) {
  const { questionnaireId } = await createQuestionnaire({
    slug: `submissions-${randomUUID()}`,
    title: 'Khảo sát',
    titleEn: 'Survey',
  })
  const { versionId } = await createDraft({ questionnaireId, definition, methodologyCode: 'sipas-2023' })
  const published = await publishVersion(versionId)
  if (!published.published) throw new Error(`fixture does not publish: ${JSON.stringify(published.problems)}`)
  return versionId
}

/**
 * A service point in a province of its own, taking part in a campaign with a freshly published
 * version (the small submission fixture by default). The campaign runs from `startsIn` to
 * `endsIn` days around today in Vietnam (default: a month before to a month after).
 */
export async function createSurveyPoint(options: { definition?: Definition; startsIn?: number; endsIn?: number } = {}) {
  const province = await createProvince()
  const agency = await createAgency({ provinceId: province.id })
  const servicePoint = await createServicePoint(agency)
  const versionId = await publishDefinition(options.definition)
  const today = vietnamDay(new Date())
  const { campaignId } = await createCampaign({
    name: 'Đợt khảo sát',
    nameEn: 'Survey round',
    startsOn: day(shift(today, options.startsIn ?? -30)),
    endsOn: day(shift(today, options.endsIn ?? 30)),
    versionId,
    servicePointIds: [servicePoint.id],
  })
  return { province, agency, servicePoint, versionId, campaignId }
}

/** A complete, valid response to the small fixture. */
export const VALID_ANSWERS: SubmittedAnswers = {
  screen: 1,
  'svc.polite': 4,
  'svc.time': 5,
  'svc.general': 4,
  'online.used': 2,
  channels: [1, 3],
}

export function envelopeFor(
  point: { servicePoint: { code: string }; versionId: string },
  overrides: Partial<SubmissionEnvelopeInput> & Record<string, unknown> = {}
): SubmissionEnvelopeInput {
  return {
    id: randomUUID(),
    versionId: point.versionId,
    servicePointCode: point.servicePoint.code,
    answers: VALID_ANSWERS,
    ...overrides,
  }
}

/**
 * How many rollup cells differ from counts over the raw responses, as a reader sees them (it
 * folds the queue first): `{ answerCells: 0, responseCells: 0 }` when the rollups are right.
 */
export async function rollupsMatchRawCounts() {
  await foldPendingRollups()
  const answerCells = await prisma.$queryRaw<{ differences: number }[]>`
    WITH raw AS (
      SELECT date_trunc('month', r."submittedOn")::date AS month, r."servicePointId", r."agencyId", r."provinceId",
        a."itemId", a.value, r.flags, count(*)::int AS n
      FROM "Response" r CROSS JOIN LATERAL unnest(r."answerItemIds", r."answerValues") AS a("itemId", value)
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    SELECT count(*)::int AS differences FROM raw FULL JOIN "AnswerRollup" u
      ON u.month = raw.month AND u."servicePointId" = raw."servicePointId" AND u."agencyId" = raw."agencyId"
      AND u."provinceId" = raw."provinceId" AND u."itemId" = raw."itemId" AND u.value = raw.value
      AND u.flags = raw.flags
    WHERE raw.n IS DISTINCT FROM u.n`
  const responseCells = await prisma.$queryRaw<{ differences: number }[]>`
    WITH raw AS (
      SELECT date_trunc('month', "submittedOn")::date AS month, "servicePointId", "agencyId", "provinceId", "versionId",
        channel, flags, count(*)::int AS n
      FROM "Response" GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    SELECT count(*)::int AS differences FROM raw FULL JOIN "ResponseRollup" u
      ON u.month = raw.month AND u."servicePointId" = raw."servicePointId" AND u."agencyId" = raw."agencyId"
      AND u."provinceId" = raw."provinceId" AND u."versionId" = raw."versionId" AND u.channel = raw.channel
      AND u.flags = raw.flags
    WHERE raw.n IS DISTINCT FROM u.n`
  return { answerCells: answerCells[0]!.differences, responseCells: responseCells[0]!.differences }
}

/** Everything a submission writes, summed: a refused submission must change none of it. */
export async function storedCounts() {
  // What a reader sees: readers fold the rollup queue first.
  await foldPendingRollups()
  const [responses, [{ answers } = { answers: 0 }], comments, answerRollup, responseRollup] = await Promise.all([
    prisma.response.count(),
    prisma.$queryRaw<{ answers: number }[]>`
      SELECT coalesce(sum(cardinality("answerValues")), 0)::int AS answers FROM "Response"`,
    prisma.comment.count(),
    prisma.answerRollup.aggregate({ _sum: { n: true } }),
    prisma.responseRollup.aggregate({ _sum: { n: true } }),
  ])
  return {
    responses,
    answers,
    comments,
    answerRollupN: answerRollup._sum.n ?? 0,
    responseRollupN: responseRollup._sum.n ?? 0,
  }
}

/**
 * A response as the store takes it, at `point`, with no answers: for tests of what
 * insertResponses writes. Its receipt and body hash follow from its fresh id.
 */
export function storedRow(
  point: Awaited<ReturnType<typeof createSurveyPoint>>,
  overrides: Partial<StoredResponse> = {}
): StoredResponse {
  const id = randomUUID()
  return {
    id,
    receiptId: `R-${id}`,
    bodyHash: id,
    versionId: point.versionId,
    campaignId: point.campaignId,
    servicePointId: point.servicePoint.id,
    agencyId: point.agency.id,
    provinceId: point.province.id,
    channel: 'web',
    language: 'vi',
    submittedOn: '2026-01-15',
    submittedAt: null,
    durationSeconds: null,
    flags: 0,
    weight: 1,
    kioskId: null,
    answerItemIds: [],
    answerValues: [],
    comment: null,
    ...overrides,
  }
}
