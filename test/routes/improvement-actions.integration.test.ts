import { beforeAll, describe, expect, test } from 'vitest'
import { unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import { action, loader } from '~/routes/analysis.$level.$unitId_.actions/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * Improvement plans through /analysis/<level>/<unitId>/actions on both databases: a province
 * administrator records, edits and deletes actions of their province's plan (each audited, the
 * baseline the criterion's figure), bad input comes back with its field's message and changes
 * nothing, another province's plan is refused (403, stable code), and the target period's figure
 * says met or not met.
 */

let survey: Survey
let provinces: string[]
let cookies: { admin: string; otherAdmin: string; analyst: string }
let adminId: string
const ELEMENT = 'access'

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  const version = survey.versions[0]!
  provinces = survey.servicePoints.map((point) => point.provinceId)
  // 2025: a quarter of the respondents unhappy; 2026: an eighth.
  const year = (submittedOn: string, unhappy: (i: number) => boolean) =>
    survey.servicePoints.flatMap((servicePoint) =>
      Array.from({ length: 32 }, (_, i) => ({ version, servicePoint, submittedOn, answers: uniformAnswers(version.definition, unhappy(i) ? 2 : 5) })),
    )
  await storeResponses(survey, [...year('2025-04-01', (i) => i % 4 === 0), ...year('2026-04-01', (i) => i % 8 === 0)])
  const admin = await createUser({ role: 'province_admin', provinceId: provinces[0]! })
  const otherAdmin = await createUser({ role: 'province_admin', provinceId: provinces[1]! })
  const analyst = await createUser({ role: 'ministry_analyst' })
  adminId = admin.id
  cookies = {
    admin: await sessionCookieFor(admin.id),
    otherAdmin: await sessionCookieFor(otherAdmin.id),
    analyst: await sessionCookieFor(analyst.id),
  }
})

const path = (provinceId: string) => `/analysis/province/${provinceId}/actions`
const params = (provinceId: string) => ({ level: 'province', unitId: provinceId })

async function post(cookie: string, provinceId: string, fields: Record<string, string>) {
  const token = await getCsrfToken(requestWith(cookie, path(provinceId)))
  const body = new URLSearchParams({ ...fields, [CSRF_FIELD]: token ?? '' })
  return action({ request: requestWith(cookie, `${path(provinceId)}?lng=en`, { method: 'POST', body }), params: params(provinceId), context: {} })
}

const page = (cookie: string, provinceId: string, search = 'period=2025') =>
  loader({ request: requestWith(cookie, `${path(provinceId)}?${search}`), params: params(provinceId), context: {} })

const form = (change: Record<string, string> = {}) => ({
  intent: 'create',
  basePeriod: '2025',
  targetPeriod: '2026',
  criterionCode: ELEMENT,
  action: 'Mở thêm quầy tiếp nhận buổi sáng thứ Bảy',
  owner: 'Văn phòng UBND tỉnh',
  dueOn: '2026-06-30',
  targetValue: '85',
  ...change,
})

describe("a province's improvement plan", () => {
  test('a province administrator records an action: baseline from the 2025 figure, audited, met in 2026', async () => {
    const answer = (await post(cookies.admin, provinces[0]!, form())) as Response
    expect(answer.status).toBe(302)
    const stored = await prisma.improvementAction.findFirstOrThrow({ where: { provinceId: provinces[0]!, criterionCode: ELEMENT } })
    const [before] = await unitFigures({ period: yearPeriod(2025), level: 'province', ids: [provinces[0]!] })
    expect(stored).toMatchObject({ agencyId: null, methodologyCode: 'sipas-2023', targetValue: 85, baselineValue: before!.figures.elements[ELEMENT] })
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'improvement_action.created', target: `improvement_action:${stored.id}` } })
    expect(audit?.actorId).toBe(adminId)

    const shown = await page(cookies.admin, provinces[0]!)
    const [after] = await unitFigures({ period: yearPeriod(2026), level: 'province', ids: [provinces[0]!] })
    const listed = shown.actions.find((candidate) => candidate.id === stored.id)!
    expect(listed.figure?.value).toBe(after!.figures.elements[ELEMENT])
    expect(listed.outcome.status).toBe('met')
    expect(shown.criteria.map((criterion) => criterion.code)).toContain(ELEMENT)
    expect(shown.canRecord).toBe(true)
  })

  test('a target above the 2026 figure is not met; editing and deleting are audited', async () => {
    await post(cookies.admin, provinces[0]!, form({ targetValue: '95', criterionCode: 'procedures' }))
    const stored = await prisma.improvementAction.findFirstOrThrow({ where: { provinceId: provinces[0]!, criterionCode: 'procedures' } })
    const before = await page(cookies.admin, provinces[0]!)
    expect(before.actions.find((candidate) => candidate.id === stored.id)!.outcome).toMatchObject({ status: 'notMet', beyondNoise: false })

    await post(cookies.admin, provinces[0]!, { ...form({ targetValue: '87,5' }), intent: 'update', id: stored.id })
    expect((await prisma.improvementAction.findUniqueOrThrow({ where: { id: stored.id } })).targetValue).toBe(87.5)
    const after = await page(cookies.admin, provinces[0]!)
    expect(after.actions.find((candidate) => candidate.id === stored.id)!.outcome.status).toBe('met')
    await post(cookies.admin, provinces[0]!, { ...form({ owner: 'Sở Nội vụ' }), intent: 'update', id: stored.id })
    expect((await prisma.improvementAction.findUniqueOrThrow({ where: { id: stored.id } })).owner).toBe('Sở Nội vụ')
    await post(cookies.admin, provinces[0]!, { intent: 'delete', id: stored.id, basePeriod: '2025' })
    expect(await prisma.improvementAction.findUnique({ where: { id: stored.id } })).toBeNull()
    const events = await prisma.auditEvent.findMany({ where: { target: `improvement_action:${stored.id}` }, select: { action: true } })
    expect(events.map((event) => event.action).sort()).toEqual(['improvement_action.created', 'improvement_action.deleted', 'improvement_action.updated', 'improvement_action.updated'])
  })

  test('bad input comes back with its field message, in the language asked, and stores nothing', async () => {
    const count = await prisma.improvementAction.count()
    const answer = (await post(cookies.admin, provinces[0]!, form({ targetValue: '120', dueOn: '2026-02-30' }))) as unknown as {
      init: { status: number }
      data: { fieldErrors: FieldErrors }
    }
    expect(answer.init.status).toBe(400)
    expect(answer.data.fieldErrors).toMatchObject({ targetValue: { key: 'actions.errors.targetValue' }, dueOn: { key: 'actions.errors.dueOn' } })
    const unmeasured = (await post(cookies.admin, provinces[0]!, form({ criterionCode: 'no.such' }))) as unknown as { data: { fieldErrors: FieldErrors } }
    expect(unmeasured.data.fieldErrors.criterionCode?.key).toBe('actions.errors.criterionUnmeasured')
    expect(await prisma.improvementAction.count()).toBe(count)
  })

  test("another province's administrator neither reads nor changes the plan (403, stable code); the Ministry reads only", async () => {
    const reading = await page(cookies.otherAdmin, provinces[0]!).catch((thrown: Response) => thrown)
    expect((reading as Response).status).toBe(403)
    expect((reading as Response).headers.get('X-Error-Code')).toBe('analysis.out_of_scope')
    const writing = await post(cookies.otherAdmin, provinces[0]!, form()).catch((thrown: Response) => thrown)
    expect((writing as Response).status).toBe(403)
    const stored = await prisma.improvementAction.findFirstOrThrow({ where: { provinceId: provinces[0]! } })
    const deleting = await post(cookies.otherAdmin, provinces[0]!, { intent: 'delete', id: stored.id, basePeriod: '2025' }).catch((thrown: Response) => thrown)
    expect((deleting as Response).status).toBe(403)
    // Its own plan's page cannot reach another plan's action either.
    const elsewhere = await post(cookies.otherAdmin, provinces[1]!, { intent: 'delete', id: stored.id, basePeriod: '2025' }).catch((thrown: Response) => thrown)
    expect((elsewhere as Response).status).toBe(404)
    expect(await prisma.improvementAction.findUnique({ where: { id: stored.id } })).not.toBeNull()

    const ministry = await page(cookies.analyst, provinces[0]!)
    expect(ministry.canRecord).toBe(false)
    expect(ministry.actions.length).toBeGreaterThan(0)
    const ministryWrite = await post(cookies.analyst, provinces[0]!, form()).catch((thrown: Response) => thrown)
    expect((ministryWrite as Response).status).toBe(403)
  })
})
