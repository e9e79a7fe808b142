import { beforeAll, describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import type { Channel, Role } from '~/generated/prisma/enums'
import { createCampaign } from '~/questionnaire/campaigns.server'
import { QUALITY_FLAG_BITS, QUALITY_FLAGS, RESPONSE_MARKS } from '~/quality/flags'
import { action as planAction, loader as planLoader } from '~/routes/admin.campaigns.$campaignId.plan'
import { loader as progressLoader } from '~/routes/campaigns.$campaignId.progress'
import { loader as exportLoader } from '~/routes/campaigns.$campaignId.progress_.$format'
import { CHANNELS } from '~/sampling/progress'
import { targetSize } from '~/sampling/sample-size'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { type ResponseSpec, type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * Sampling plans and collection progress through their routes, with real requests: a CSV with
 * bad lines is refused line by line and writes nothing; a good one writes every plan with one
 * audit event; the progress page counts exactly the campaign's responses the official figures
 * count (computed here from the responses inserted); a province administrator plans and sees only
 * their province.
 */

let survey: Survey
let campaignId: string
let provinceCampaignId: string
/** Province 0 has service points 0 and 1, province 1 has 2 and 3. */
const point = (index: number) => survey.servicePoints[index]!
const code = (index: number) => point(index).id

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 2, versions: ['sipas-2023'] })
  const versionId = survey.versions[0]!.id
  ;({ campaignId } = await createCampaign({
    name: 'Đợt cuối năm',
    nameEn: 'Year-end round',
    startsOn: new Date('2026-11-01T00:00:00Z'),
    endsOn: new Date('2026-12-31T00:00:00Z'),
    versionId,
    servicePointIds: survey.servicePoints.map((sp) => sp.id),
  }))
  ;({ campaignId: provinceCampaignId } = await createCampaign({
    name: 'Đợt của tỉnh 1',
    nameEn: 'Province 1 round',
    startsOn: new Date('2026-11-01T00:00:00Z'),
    endsOn: new Date('2026-12-31T00:00:00Z'),
    provinceId: point(2).provinceId,
    versionId,
    servicePointIds: [point(2).id],
  }))
})

async function signedIn(role: Role, provinceId: string | null = null) {
  const user = await createUser({ role, provinceId })
  return { user, cookie: await sessionCookieFor(user.id) }
}

const planPath = (id: string) => `/admin/campaigns/${id}/plan`
const settle = <T,>(promise: Promise<T>) => promise.catch((thrown: unknown) => thrown)
const statusOf = (answer: unknown) =>
  answer instanceof Response ? answer.status : ((answer as { init?: { status?: number } | null }).init?.status ?? 200)

async function post(cookie: string, id: string, fields: Record<string, string>, file?: string) {
  const token = await getCsrfToken(requestWith(cookie, planPath(id)))
  const body = new FormData()
  for (const [name, value] of Object.entries({ ...fields, [CSRF_FIELD]: token ?? '' })) body.append(name, value)
  if (file !== undefined) body.append('file', new File([file], 'plans.csv', { type: 'text/csv' }))
  return settle(planAction({ request: requestWith(cookie, planPath(id), { method: 'POST', body }), params: { campaignId: id }, context: {} }))
}

type Problems = { data: { problems: { line: number; key: string; values?: Record<string, unknown> }[] } }

describe('importing sampling plans', () => {
  test('a file with bad lines is refused, every problem named by its line, and nothing is written', async () => {
    const { cookie } = await signedIn('province_admin', point(0).provinceId)
    const csv = [
      'service_point_code;population_n;margin_of_error;confidence',
      `${code(0)};2000;0,05;95`,
      'NO-SUCH-POINT;100;;',
      `${code(2)};100;;`,
      `${code(1)};12.5;;`,
      `${code(0)};300;;`,
      `${code(1)};500;0.7;`,
    ].join('\r\n')
    const answer = await post(cookie, campaignId, { intent: 'import' }, csv)
    expect(statusOf(answer)).toBe(400)
    expect((answer as Problems).data.problems.map((problem) => [problem.line, problem.key])).toEqual([
      [3, 'import.errors.unknownServicePoint'],
      [4, 'import.errors.outsideScope'],
      [5, 'import.errors.populationN'],
      [6, 'import.errors.duplicate'],
      [7, 'import.errors.marginOfError'],
    ])
    expect(await prisma.samplingPlan.count({ where: { campaignId } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { action: 'sampling_plan.imported', target: `campaign:${campaignId}` } })).toBe(0)
  })

  test('a good file writes every plan with one audit event, and the page shows their targets', async () => {
    const { cookie, user } = await signedIn('province_admin', point(0).provinceId)
    const csv = `service_point_code,population_n,margin_of_error,confidence\n${code(0)},2000,,\n${code(1)},10000,0.05,0.99\n`
    const answer = await post(cookie, campaignId, { intent: 'import' }, csv)
    expect(statusOf(answer)).toBe(200)
    expect(await prisma.samplingPlan.findMany({ where: { campaignId }, orderBy: { servicePointId: 'asc' }, select: { servicePointId: true, populationN: true, marginOfError: true, confidence: true, updatedById: true } })).toEqual([
      { servicePointId: point(0).id, populationN: 2000, marginOfError: 0.05, confidence: 0.95, updatedById: user.id },
      { servicePointId: point(1).id, populationN: 10000, marginOfError: 0.05, confidence: 0.99, updatedById: user.id },
    ])
    expect(await prisma.auditEvent.count({ where: { action: 'sampling_plan.imported', target: `campaign:${campaignId}`, actorId: user.id } })).toBe(1)

    const page = (await planLoader({ request: requestWith(cookie, planPath(campaignId)), params: { campaignId }, context: {} })) as Awaited<ReturnType<typeof planLoader>>
    // Only the province's own service points are listed.
    expect(page.points.map((row) => row.id)).toEqual([point(0).id, point(1).id])
    expect(page.points.map((row) => row.plan && targetSize(row.plan.populationN, row.plan.marginOfError))).toEqual([334, 385])
  })
})

describe('who plans what', () => {
  test("a province administrator cannot open or change another province's campaign, nor plan its service points", async () => {
    const { cookie } = await signedIn('province_admin', point(0).provinceId)
    const opened = await settle(planLoader({ request: requestWith(cookie, planPath(provinceCampaignId)), params: { campaignId: provinceCampaignId }, context: {} }))
    expect(statusOf(opened)).toBe(403)
    expect(statusOf(await post(cookie, provinceCampaignId, { intent: 'set', servicePointId: point(2).id, populationN: '100', marginOfError: '', confidence: '' }))).toBe(403)
    // In a national campaign, a service point of another province: refused too.
    expect(statusOf(await post(cookie, campaignId, { intent: 'set', servicePointId: point(2).id, populationN: '100', marginOfError: '', confidence: '' }))).toBe(403)
    expect(await prisma.samplingPlan.count({ where: { servicePointId: point(2).id } })).toBe(0)
  })

  test('the Ministry administrator plans any service point, audited; a bad field is refused with its message', async () => {
    const { cookie, user } = await signedIn('ministry_admin')
    const refused = await post(cookie, campaignId, { intent: 'set', servicePointId: point(2).id, populationN: 'many', marginOfError: '', confidence: '' })
    expect(statusOf(refused)).toBe(400)
    expect((refused as { data: { fieldErrors: unknown } }).data.fieldErrors).toEqual({ populationN: { key: 'plan.errors.populationN' } })
    expect(statusOf(await post(cookie, campaignId, { intent: 'set', servicePointId: point(2).id, populationN: '500', marginOfError: '0.1', confidence: '0.9' }))).toBe(200)
    expect(await prisma.samplingPlan.findUnique({ where: { campaignId_servicePointId: { campaignId, servicePointId: point(2).id } }, select: { populationN: true, marginOfError: true, confidence: true } })).toEqual({ populationN: 500, marginOfError: 0.1, confidence: 0.9 })
    expect(await prisma.auditEvent.count({ where: { action: 'sampling_plan.set', target: `campaign:${campaignId}`, actorId: user.id } })).toBe(1)
  })
})

describe('collection progress', () => {
  test('counts exactly the campaign’s responses that the official figures count, per service point and channel', async () => {
    const version = survey.versions[0]!
    const answers = uniformAnswers(version.definition, 4)
    const specs: (ResponseSpec & { campaign: string })[] = Array.from({ length: 97 }, (_, i) => ({
      campaign: i % 11 === 0 ? survey.campaignId : campaignId,
      version,
      servicePoint: point(i % 4),
      submittedOn: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
      channel: CHANNELS[(i * 7) % 4]!,
      flags: i % 5 === 0 ? QUALITY_FLAGS.TOO_FAST : i % 3 === 0 ? RESPONSE_MARKS.VERIFIED : 0,
      answers,
    }))
    for (const campaign of [campaignId, survey.campaignId]) {
      await storeResponses({ ...survey, campaignId: campaign }, specs.filter((spec) => spec.campaign === campaign))
    }
    // What should count: this campaign's, without an excluding quality flag (all are excluded by default).
    const expected = new Map<string, number>()
    for (const spec of specs) {
      if (spec.campaign !== campaignId || (spec.flags! & QUALITY_FLAG_BITS) !== 0) continue
      const key = `${spec.servicePoint.id} ${spec.channel}`
      expected.set(key, (expected.get(key) ?? 0) + 1)
    }
    const got = (cookie: string) => settle(progressLoader({ request: requestWith(cookie, `/campaigns/${campaignId}/progress`), params: { campaignId }, context: {} }))

    const analyst = await signedIn('ministry_analyst')
    const national = (await got(analyst.cookie)) as Awaited<ReturnType<typeof progressLoader>>
    const counted = new Map<string, number>()
    for (const row of national.progress.servicePoints) {
      for (const channel of CHANNELS) if (row.byChannel[channel] > 0) counted.set(`${row.id} ${channel as Channel}`, row.byChannel[channel])
    }
    expect(counted).toEqual(expected)
    const total = [...expected.values()].reduce((sum, n) => sum + n, 0)
    expect(national.progress.total.collected).toBe(total)
    expect(national.progress.provinces.reduce((sum, row) => sum + row.collected, 0)).toBe(total)
    // Targets roll up: province 0 has 334 + 385, province 1 only service point 2's (500 at ±10 % → 84).
    expect(national.progress.provinces.map((row) => row.target)).toEqual([719, 84])

    const provinceAdmin = await signedIn('province_admin', point(0).provinceId)
    const own = (await got(provinceAdmin.cookie)) as Awaited<ReturnType<typeof progressLoader>>
    expect(own.progress.servicePoints.map((row) => row.id)).toEqual([point(0).id, point(1).id])
    const ownTotal = [0, 1].flatMap((i) => CHANNELS.map((channel) => expected.get(`${point(i).id} ${channel}`) ?? 0))
    expect(own.progress.total.collected).toBe(ownTotal.reduce((sum, n) => sum + n, 0))

    const clerk = await signedIn('clerk', point(0).provinceId)
    expect(statusOf(await got(clerk.cookie))).toBe(403)
  })

  test('exports the progress table as CSV and XLSX', async () => {
    const { cookie } = await signedIn('ministry_analyst')
    const file = (format: string) =>
      exportLoader({ request: requestWith(cookie, `/campaigns/${campaignId}/progress/${format}`), params: { campaignId, format }, context: {} })
    const csv = await file('csv')
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(lines[0]).toBe('level,province,agency,code,name,target,collected,collected_kiosk,collected_phone,collected_paper,collected_web,collected_share,projected,status,service_points_at_risk')
    // Two provinces, two agencies, four service points.
    expect(lines).toHaveLength(1 + 2 + 2 + 4)
    const xlsx = await file('xlsx')
    const bytes = new Uint8Array(await xlsx.arrayBuffer())
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
    expect(statusOf(await settle(file('pdf')))).toBe(404)
  })
})
