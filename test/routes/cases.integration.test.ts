import { beforeAll, describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { getCaseSettings } from '~/cases/settings.server'
import { MAX_PUBLIC_REPLY_LENGTH } from '~/dashboard/case-forms'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import { SCRUBBED_PLACEHOLDER } from '~/responses/scrub'
import { submitResponse } from '~/responses/submit.server'
import { action, loader } from '~/routes/dashboard.$agencyId_.cases.$caseId/route'
import { loader as listLoader } from '~/routes/dashboard.$agencyId_.cases._index'
import { loader as performanceLoader } from '~/routes/cases.performance'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createSurveyPoint, envelopeFor, VALID_ANSWERS } from '../factories/submissions'
import { createAgency } from '../factories/units'

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
type User = Awaited<ReturnType<typeof createUser>>
const DISSATISFIED = { ...VALID_ANSWERS, 'svc.time': 1, comment: 'Trễ hẹn ba lần, không ai giải thích.' }

let point: Point
let manager: User
let viewer: User
let otherManager: User
let ministryAdmin: User
let provinceAdmin: User

/** A new case at the point, with a phone number the citizen gave. */
async function openCase() {
  const body = envelopeFor(point, { answers: DISSATISFIED })
  await submitResponse(body, { channel: 'web', language: 'vi', deadline: Date.now() + 60_000 })
  const opened = await prisma.feedbackCase.findUniqueOrThrow({ where: { responseId: body.id }, select: { id: true } })
  await prisma.caseContact.create({
    data: { caseId: opened.id, channel: 'phone', value: '0912345678', consentVersion: 'test', consentedAt: new Date() },
  })
  return opened.id
}

const pathOf = (caseId: string) => `/dashboard/${point.agency.id}/cases/${caseId}`
const paramsOf = (caseId: string) => ({ agencyId: point.agency.id, caseId })

async function load(user: User, caseId: string) {
  const request = requestWith(await sessionCookieFor(user.id), pathOf(caseId))
  return loader({ request, params: paramsOf(caseId), context: {} })
}

async function post(user: User, caseId: string, fields: Record<string, string>, lng = 'vi') {
  const cookie = await sessionCookieFor(user.id)
  const token = await getCsrfToken(requestWith(cookie, pathOf(caseId)))
  const body = new URLSearchParams({ ...fields, [CSRF_FIELD]: token ?? '' })
  const request = requestWith(cookie, `${pathOf(caseId)}?lng=${lng}`, { method: 'POST', body })
  return (await action({ request, params: paramsOf(caseId), context: {} })) as unknown as {
    init: { status: number } | null
    data: { done?: string; fieldErrors?: FieldErrors; formError?: { key: string } | null }
  }
}

async function thrownStatus(run: () => Promise<unknown>) {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
  return 'not thrown'
}

const stored = (caseId: string) =>
  prisma.feedbackCase.findUniqueOrThrow({
    where: { id: caseId },
    select: { status: true, publicReply: true, answeredAt: true, answeredById: true, closedAt: true, assigneeId: true, internalNote: true },
  })

beforeAll(async () => {
  point = await createSurveyPoint()
  const other = await createAgency({ provinceId: point.province.id })
  const own = { provinceId: point.province.id, agencyId: point.agency.id }
  manager = await createUser({ role: 'agency_manager', ...own })
  viewer = await createUser({ role: 'agency_viewer', ...own })
  otherManager = await createUser({ role: 'agency_manager', provinceId: point.province.id, agencyId: other.id })
  ministryAdmin = await createUser({ role: 'ministry_admin' })
  provinceAdmin = await createUser({ role: 'province_admin', provinceId: point.province.id })
})

describe('the case page', () => {
  test('the agency’s manager reads the answers, the comment and the contact details', async () => {
    const caseId = await openCase()
    const page = await load(manager, caseId)
    expect(page.works).toBe(true)
    expect(page.found.comment?.text).toBe(DISSATISFIED.comment)
    expect(page.found.answers.find((row) => row.code === 'svc.time')).toMatchObject({ dissatisfied: true })
    expect(page.found.contact).toMatchObject({ channel: 'phone', value: '0912345678' })
  })

  test('a viewer of the agency reads it but cannot act; the Ministry administrator reads it without the contact', async () => {
    const caseId = await openCase()
    expect((await load(viewer, caseId)).works).toBe(false)
    const ministry = await load(ministryAdmin, caseId)
    expect(ministry.works).toBe(false)
    expect(ministry.found.contact).toBeNull()
    expect(await thrownStatus(() => post(viewer, caseId, { intent: 'start' }))).toBe(403)
    expect(await thrownStatus(() => post(ministryAdmin, caseId, { intent: 'start' }))).toBe(403)
    expect((await stored(caseId)).status).toBe('new')
  })

  test('another agency’s user gets 403 on the page and on every action, and nothing changes', async () => {
    const caseId = await openCase()
    const before = await stored(caseId)
    expect(await thrownStatus(() => load(otherManager, caseId))).toBe(403)
    expect(await thrownStatus(() => load(provinceAdmin, caseId))).toBe(403)
    const attempts: Record<string, string>[] = [
      { intent: 'start' },
      { intent: 'assign', assigneeId: otherManager.id },
      { intent: 'note', internalNote: 'x' },
      { intent: 'answer', publicReply: 'Chúng tôi đã xử lý xong hồ sơ.' },
      { intent: 'close' },
    ]
    for (const fields of attempts) {
      expect(await thrownStatus(() => post(otherManager, caseId, fields))).toBe(403)
    }
    expect(await stored(caseId)).toEqual(before)
  })

  test('an over-long reply is refused with 400 in the user’s language and changes nothing', async () => {
    const caseId = await openCase()
    const before = await stored(caseId)
    const result = await post(manager, caseId, { intent: 'answer', publicReply: 'x'.repeat(MAX_PUBLIC_REPLY_LENGTH + 1) }, 'en')
    expect(result.init?.status).toBe(400)
    expect(result.data.fieldErrors).toEqual({ publicReply: { key: 'case.errors.replyTooLong' } })
    expect(await stored(caseId)).toEqual(before)
    expect(await prisma.auditEvent.count({ where: { target: `case:${caseId}` } })).toBe(0)
  })

  test('a case moves new → in progress → answered → closed, audited, and closing schedules the contact’s deletion', async () => {
    const caseId = await openCase()
    expect((await post(manager, caseId, { intent: 'start' })).data.done).toBe('start')
    expect((await stored(caseId)).status).toBe('in_progress')

    await post(manager, caseId, { intent: 'assign', assigneeId: viewer.id })
    await post(manager, caseId, { intent: 'note', internalNote: 'Đã gọi bộ phận trả kết quả.' })
    const reply = 'Chúng tôi xin lỗi; hãy gọi 0987654321 để được hỗ trợ.'
    expect((await post(manager, caseId, { intent: 'answer', publicReply: reply })).data.done).toBe('answer')
    const answered = await stored(caseId)
    expect(answered).toMatchObject({ status: 'answered', assigneeId: viewer.id, answeredById: manager.id })
    expect(answered.publicReply).toContain(SCRUBBED_PLACEHOLDER)
    expect(answered.publicReply).not.toContain('0987654321')
    expect(answered.answeredAt).not.toBeNull()

    expect((await post(manager, caseId, { intent: 'close' })).data.done).toBe('close')
    const closed = await stored(caseId)
    expect(closed.status).toBe('closed')
    const { contactRetentionDays } = await getCaseSettings()
    const contact = await prisma.caseContact.findUniqueOrThrow({ where: { caseId }, select: { deleteAfter: true } })
    expect(contact.deleteAfter!.getTime() - closed.closedAt!.getTime()).toBe(contactRetentionDays * 86_400_000)

    const actions = await prisma.auditEvent.findMany({ where: { target: `case:${caseId}` }, select: { action: true }, orderBy: { id: 'asc' } })
    expect(actions.map((event) => event.action)).toEqual(['case.started', 'case.assigned', 'case.noted', 'case.answered', 'case.closed'])
  })

  test('a closed case takes no more changes (409), an empty reply is refused (400), a stranger as assignee too', async () => {
    const caseId = await openCase()
    expect((await post(manager, caseId, { intent: 'answer', publicReply: '  ' })).init?.status).toBe(400)
    expect((await post(manager, caseId, { intent: 'assign', assigneeId: otherManager.id })).data.fieldErrors).toEqual({
      assigneeId: { key: 'case.errors.assignee' },
    })
    await post(manager, caseId, { intent: 'close' })
    const refused = await post(manager, caseId, { intent: 'answer', publicReply: 'Trả lời sau khi đã đóng.' })
    expect(refused.init?.status).toBe(409)
    expect(refused.data.formError).toEqual({ key: 'case.errors.wrongStatus' })
    expect((await stored(caseId)).publicReply).toBeNull()
  })

  test('a case id of another agency is not found', async () => {
    const caseId = await openCase()
    const request = requestWith(await sessionCookieFor(otherManager.id), `/dashboard/${otherManager.agencyId}/cases/${caseId}`)
    expect(await thrownStatus(() => loader({ request, params: { agencyId: otherManager.agencyId!, caseId }, context: {} }))).toBe(404)
  })
})

describe('the case list', () => {
  test('counts open, overdue and answered cases and lists them oldest first', async () => {
    const caseId = await openCase()
    await prisma.feedbackCase.update({ where: { id: caseId }, data: { openedOn: new Date('2020-01-02'), dueOn: new Date('2020-01-16') } })
    const request = requestWith(await sessionCookieFor(viewer.id), `/dashboard/${point.agency.id}/cases`)
    const page = await listLoader({ request, params: { agencyId: point.agency.id }, context: {} })
    expect(page.cases[0]).toMatchObject({ id: caseId, state: 'overdue' })
    expect(page.counts.overdue).toBeGreaterThanOrEqual(1)
    expect(page.counts.open + page.counts.overdue + page.counts.answered).toBe(page.cases.length)
    const stranger = requestWith(await sessionCookieFor(otherManager.id), `/dashboard/${point.agency.id}/cases`)
    expect(await thrownStatus(() => listLoader({ request: stranger, params: { agencyId: point.agency.id }, context: {} }))).toBe(403)
  })
})

describe('the response-time view', () => {
  async function performance(user: User, query = '') {
    const request = requestWith(await sessionCookieFor(user.id), `/cases/performance${query}`)
    return performanceLoader({ request, params: {}, context: {} })
  }

  test('a province administrator sees their province’s agencies ranked, with an answered case counted', async () => {
    const caseId = await openCase()
    await post(manager, caseId, { intent: 'answer', publicReply: 'Chúng tôi đã trả kết quả và xin lỗi ông bà.' })
    const page = await performance(provinceAdmin)
    expect(page.provinceId).toBe(point.province.id)
    const line = page.lines.find((row) => row.key === point.agency.id)!
    expect(line.answered).toBeGreaterThanOrEqual(1)
    expect(line.medianDays).toBe(0)
    expect(line.rank).toBe(1)
  })

  test('the Ministry sees the country; another province, an agency’s staff and a province administrator asking nationally get 403', async () => {
    expect((await performance(ministryAdmin)).provinceId).toBeNull()
    expect(await thrownStatus(() => performance(provinceAdmin, '?province=elsewhere'))).toBe(403)
    expect(await thrownStatus(() => performance(manager))).toBe(403)
    expect(await thrownStatus(() => performance(manager, `?province=${point.province.id}`))).toBe(403)
  })
})
