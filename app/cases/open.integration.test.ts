import { beforeAll, describe, expect, test } from 'vitest'
import { createUser } from '../../test/factories/accounts'
import { createSurveyPoint, envelopeFor, VALID_ANSWERS } from '../../test/factories/submissions'
import { prisma } from '~/db.server'
import { type SubmissionContext, submitResponse } from '~/responses/submit.server'
import { vietnamDay } from '~/responses/vietnam-time'
import { addDays, daysBetween, isWorkingDay } from './deadline'
import { setCaseSettings } from './settings.server'

const web: SubmissionContext = { channel: 'web', language: 'vi' }
const DISSATISFIED = { ...VALID_ANSWERS, 'svc.time': 1, comment: 'Hẹn trả kết quả nhưng phải chờ thêm hai tuần.' }

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
let point: Point
let adminId: string

/** The next working day after `day` under the default calendar. */
function nextWorkingDay(day: string) {
  let next = addDays(day, 1)
  while (!isWorkingDay(next, { extraDaysOff: [], nationalDaySecondDay: 'before' })) next = addDays(next, 1)
  return next
}

const casesOf = (responseId: string) =>
  prisma.feedbackCase.findMany({ where: { responseId }, select: { id: true, agencyId: true, status: true, openedOn: true, dueOn: true } })

beforeAll(async () => {
  // Tết 2027 begins on Saturday 6 February: the campaign runs from before today to after it.
  const today = vietnamDay(new Date())
  const toTet = daysBetween(today, '2027-02-04')
  point = await createSurveyPoint({ startsIn: Math.min(toTet, 0) - 30, endsIn: Math.max(toTet, 0) + 30 })
  adminId = (await createUser({ role: 'ministry_admin' })).id
  await setCaseSettings({ deadlineWorkingDays: 10 }, adminId)
  // The first case of a process reads the calendar library's rules for the year: the warm-up
  // submission opens one, with time to spare on a busy test machine.
  await submitResponse(envelopeFor(point, { answers: DISSATISFIED }), { ...web, deadline: Date.now() + 60_000 })
})

describe('a response opens a case', () => {
  test('a dissatisfied answer with a comment opens one case for the agency, due in working days', async () => {
    const body = envelopeFor(point, { answers: DISSATISFIED })
    await submitResponse(body, web)
    const cases = await casesOf(body.id)
    expect(cases).toHaveLength(1)
    expect(cases[0]).toMatchObject({ agencyId: point.agency.id, status: 'new' })
    const openedOn = cases[0]!.openedOn.toISOString().slice(0, 10)
    expect(openedOn).toBe(vietnamDay(new Date()))
    const due = cases[0]!.dueOn.toISOString().slice(0, 10)
    let day = openedOn
    for (let i = 0; i < 10; i++) day = nextWorkingDay(day)
    expect(due).toBe(day)
  })

  test('a satisfied response with a comment, or a dissatisfied one without, opens none', async () => {
    const satisfied = envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: 'Cán bộ rất nhiệt tình.' } })
    const { comment: _, ...withoutComment } = DISSATISFIED
    const silent = envelopeFor(point, { answers: withoutComment })
    await submitResponse(satisfied, web)
    await submitResponse(silent, web)
    expect(await casesOf(satisfied.id)).toEqual([])
    expect(await casesOf(silent.id)).toEqual([])
  })

  test('a replay of the same response opens no second case', async () => {
    const body = envelopeFor(point, { answers: DISSATISFIED })
    expect((await submitResponse(body, web)).status).toBe(201)
    expect((await submitResponse(body, web)).status).toBe(200)
    expect(await casesOf(body.id)).toHaveLength(1)
  })

  test('the same response sent 20 times at once opens one case', async () => {
    const body = envelopeFor(point, { answers: DISSATISFIED })
    const results = await Promise.all(Array.from({ length: 20 }, () => submitResponse(body, web)))
    expect(results.filter((result) => result.status === 201)).toHaveLength(1)
    expect(await casesOf(body.id)).toHaveLength(1)
  })

  test('a paper sheet opens a case too: the agency sees the complaint, with no way back to the citizen', async () => {
    const body = envelopeFor(point, { answers: DISSATISFIED })
    await submitResponse(body, { channel: 'paper', language: 'vi' })
    const cases = await prisma.feedbackCase.findMany({ where: { responseId: body.id }, select: { replyRequested: true } })
    expect(cases).toEqual([{ replyRequested: null }])
  })

  test('the deadline skips Tết and its compensatory days', async () => {
    await setCaseSettings({ deadlineWorkingDays: 1 }, adminId)
    const body = envelopeFor(point, { answers: DISSATISFIED })
    // Thursday 4 February 2027; Friday 5 (the eve) to Tuesday 9 is Tết, Wednesday 10 and Thursday
    // 11 make up for its Saturday and Sunday.
    await submitResponse(body, { ...web, submittedOn: '2027-02-04' })
    const [opened] = await casesOf(body.id)
    expect(opened!.dueOn.toISOString().slice(0, 10)).toBe('2027-02-12')
  })

  test('the deadline skips an extra day off from the settings', async () => {
    const today = vietnamDay(new Date())
    const extra = nextWorkingDay(today)
    await setCaseSettings({ deadlineWorkingDays: 1, extraDaysOff: [extra] }, adminId)
    const body = envelopeFor(point, { answers: DISSATISFIED })
    await submitResponse(body, web)
    const [opened] = await casesOf(body.id)
    expect(opened!.dueOn.toISOString().slice(0, 10)).toBe(nextWorkingDay(extra))
    await setCaseSettings({}, adminId)
  })

  test('a honeypot submission opens none', async () => {
    const body = envelopeFor(point, { answers: DISSATISFIED, website: 'http://spam.example' })
    await submitResponse(body, web)
    expect(await casesOf(body.id)).toEqual([])
  })
})
