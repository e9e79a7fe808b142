import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { RESPONSE_MARKS } from '~/quality/flags'
import { vietnamDay } from '~/responses/vietnam-time'
import { loader } from '~/routes/t.$token'
import { fieldName } from '~/survey/answer-fields'
import { ticketKeys } from '~/tickets/keys.server'
import { printTicketSheet } from '~/tickets/sheet.server'
import { verifyTicket } from '~/tickets/token'
import { createUser } from './factories/accounts'
import { createSurveyPoint, storedCounts } from './factories/submissions'
import { outcome, postSurveyPage } from './factories/survey-route'
import { definition } from './fixtures/ticket-definition'

/*
 * A rating ticket's link as a browser without JavaScript drives it: /t/<token> opens the survey
 * with the ticket's answers fixed, the pages post to the service point's survey, the response is
 * stored verified with the ticket; a used, forged or expired ticket gets a page saying so.
 */

const open = (token: string) =>
  outcome(() => loader({ request: new Request(`http://localhost/t/${token}`), params: { token }, context: {} }))

const post = postSurveyPage

type View = { state: string; page: string; answers: Record<string, unknown>; fixed?: Record<string, number> }
type Start = { start: View; postTo: string }
const field = fieldName
const DAY_MS = 86_400_000

/** The section's answers, without the screening question or the procedure field. */
const SECTION = {
  [field('svc.polite')]: '4',
  [field('svc.time')]: '5',
  [field('svc.general')]: '4',
  [field('online.used')]: '2',
  [field('channels')]: ['1', '3'],
}

async function ticketAt(point: Awaited<ReturnType<typeof createSurveyPoint>>, options: { field?: string | null; now?: Date } = {}) {
  const clerk = await createUser({ role: 'clerk', provinceId: point.province.id })
  const sheet = await printTicketSheet({
    servicePointId: point.servicePoint.id,
    field: options.field === undefined ? 'civil_status' : options.field,
    count: 1,
    printedById: clerk.id,
    now: options.now,
  })
  return sheet.tokens[0]!
}

/** Opens the ticket and answers every page to the review; the review page's view. */
async function answerToReview(token: string, code: string) {
  const opened = await open(token)
  expect(opened.status).toBe(200)
  const { start } = opened.data as Start
  const review = await post(code, { state: start.state, intent: 'next', ...SECTION })
  expect((review.data as View).page).toBe('review')
  return review.data as View
}

describe('a rating ticket’s survey', () => {
  test('starts after the screening question with the field answered, and stores a verified response with the ticket', async () => {
    const point = await createSurveyPoint({ definition })
    const code = point.servicePoint.code
    const token = await ticketAt(point)

    const opened = await open(token)
    expect(opened.status).toBe(200)
    const { start, postTo } = opened.data as Start
    expect(postTo).toBe(`/s/${code}`)
    expect(start.page).toBe('section:s1')
    expect(start.answers).toEqual({ screen: 1, 'demo.procedure_field': 2 })
    expect(start.fixed).toEqual({ screen: 1, 'demo.procedure_field': 2 })

    // "Back" from the first page leads nowhere: the screening page is not the citizen's to see.
    const back = await post(code, { state: start.state, intent: 'back' })
    expect((back.data as View).page).toBe('section:s1')

    // A posted answer for the ticket's question is not taken.
    const review = await post(code, { state: start.state, intent: 'next', ...SECTION, [field('demo.procedure_field')]: '7' })
    const page = review.data as View
    expect(page.page).toBe('review')
    expect(page.answers).toMatchObject({ screen: 1, 'demo.procedure_field': 2, 'svc.polite': 4 })
    // Editing the screening page from the review stays on the review.
    expect(((await post(code, { state: page.state, intent: 'edit:screening' })).data as View).page).toBe('review')

    const before = await storedCounts()
    const submitted = await post(code, { state: page.state, intent: 'submit', website: '' })
    expect(submitted.status).toBe(302)
    expect(submitted.location).toMatch(new RegExp(`^/s/${code}/thanks\\?`))
    expect((await storedCounts()).responses - before.responses).toBe(1)

    const check = verifyTicket(token, ticketKeys(), vietnamDay(new Date()))
    if (!check.ok) throw new Error(check.reason)
    const row = await prisma.response.findUniqueOrThrow({ where: { ticketId: check.claims.nonce }, select: { flags: true, channel: true } })
    expect(row.flags & RESPONSE_MARKS.VERIFIED).toBe(RESPONSE_MARKS.VERIFIED)
    expect(row.channel).toBe('phone')

    // A reload of the final post is the same response.
    expect((await post(code, { state: page.state, intent: 'submit', website: '' })).location).toBe(submitted.location)
    // The ticket again: already used.
    expect(await open(token)).toMatchObject({ status: 409, data: { reason: 'ticketUsed' } })
  })

  test('opened in two tabs, the second submission shows the ticket is already used and stores nothing', async () => {
    const point = await createSurveyPoint({ definition })
    const code = point.servicePoint.code
    const token = await ticketAt(point)
    const first = await answerToReview(token, code)
    const second = await answerToReview(token, code)
    expect((await post(code, { state: first.state, intent: 'submit', website: '' })).status).toBe(302)
    const before = await storedCounts()
    expect(await post(code, { state: second.state, intent: 'submit', website: '' })).toMatchObject({
      status: 409,
      data: { reason: 'ticketUsed' },
    })
    expect(await storedCounts()).toEqual(before)
  })

  test('without a field on the ticket, the field question is asked', async () => {
    const point = await createSurveyPoint({ definition })
    const code = point.servicePoint.code
    const { start } = (await open(await ticketAt(point, { field: null }))).data as Start
    const missing = await post(code, { state: start.state, intent: 'next', ...SECTION })
    expect(missing.status).toBe(400)
    expect((missing.data as { issues: { itemCode: string }[] }).issues.map((issue) => issue.itemCode)).toEqual(['demo.procedure_field'])
  })
})

describe('a ticket that opens nothing', () => {
  test('a forged or altered ticket is 400, an expired one 410, and nothing is stored', async () => {
    const point = await createSurveyPoint({ definition })
    const token = await ticketAt(point)
    const [keyId, payload, mac] = token.split('.') as [string, string, string]
    const altered = `${keyId}.${payload.slice(0, -2)}${payload.endsWith('AA') ? 'BB' : 'AA'}.${mac}`
    const expired = await ticketAt(point, { now: new Date(Date.now() - 30 * DAY_MS) })
    const before = await storedCounts()
    expect(await open(altered)).toMatchObject({ status: 400, data: { reason: 'ticketInvalid' } })
    expect(await open('not-a-ticket')).toMatchObject({ status: 400, data: { reason: 'ticketInvalid' } })
    expect(await open(`${keyId}.${payload}.${mac}x`)).toMatchObject({ status: 400, data: { reason: 'ticketInvalid' } })
    expect(await open(expired)).toMatchObject({ status: 410, data: { reason: 'ticketExpired' } })
    expect(await storedCounts()).toEqual(before)
  })

  test('a ticket for a service point whose survey has ended gets the same page as its survey address', async () => {
    const point = await createSurveyPoint({ definition, startsIn: -60, endsIn: -1 })
    expect(await open(await ticketAt(point))).toMatchObject({ status: 410, data: { reason: 'closed', code: point.servicePoint.code } })
  })
})
