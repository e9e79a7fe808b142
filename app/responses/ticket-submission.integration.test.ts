import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { QUALITY_FLAG_BITS, RESPONSE_MARKS } from '~/quality/flags'
import { newTicketClaims } from '~/tickets/issue'
import { ticketKeys } from '~/tickets/keys.server'
import { getPrintedSheet, printTicketSheet } from '~/tickets/sheet.server'
import { signTicket, verifyTicket } from '~/tickets/token'
import { createUser } from '../../test/factories/accounts'
import { createSurveyPoint, envelopeFor, storedCounts, VALID_ANSWERS } from '../../test/factories/submissions'
import { definition } from '../../test/fixtures/ticket-definition'
import { SubmissionError } from './errors'
import { type SubmissionContext, submitResponse } from './submit.server'
import { vietnamDay } from './vietnam-time'

/*
 * Submissions with a rating ticket (docs/decisions/025-rating-tickets.md): verified, answered
 * for the screening question and the procedure field by the ticket, used once.
 */

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
const phone: SubmissionContext = { channel: 'phone', language: 'vi' }
const DAY_MS = 86_400_000

let point: Point
let other: Point
let clerkId: string
beforeAll(async () => {
  point = await createSurveyPoint({ definition })
  other = await createSurveyPoint({ definition })
  clerkId = (await createUser({ role: 'clerk', provinceId: point.province.id })).id
  // Warm the caches and the query compiler: the deadline is for a database that is down.
  await submitResponse(envelopeFor(point, { answers: { ...VALID_ANSWERS, 'demo.procedure_field': 9 } }), {
    ...phone,
    deadline: Date.now() + 60_000,
  })
})

async function ticketFor(target: Point, options: { field?: string | null; now?: Date } = {}) {
  const sheet = await printTicketSheet({
    servicePointId: target.servicePoint.id,
    field: options.field === undefined ? 'civil_status' : options.field,
    count: 1,
    printedById: clerkId,
    now: options.now,
  })
  return sheet.tokens[0]!
}

async function refusal(body: unknown) {
  try {
    await submitResponse(body, phone)
  } catch (error) {
    if (error instanceof SubmissionError) return { status: error.status, code: error.code }
    throw error
  }
  throw new Error('expected the submission to be refused')
}

describe('a submission with a rating ticket', () => {
  test('is verified, stored with the ticket, and answers the screening question and the field as the ticket says', async () => {
    const ticket = await ticketFor(point)
    // The client says "not received here" and another field: the ticket's answers stand.
    const body = envelopeFor(point, { ticket, answers: { ...VALID_ANSWERS, screen: 2, 'demo.procedure_field': 7 } })
    const result = await submitResponse(body, phone)
    expect(result.status).toBe(201)
    const row = await prisma.response.findUniqueOrThrow({
      where: { id: body.id },
      select: { flags: true, ticketId: true, answerItemIds: true, answerValues: true },
    })
    expect(row.flags & RESPONSE_MARKS.VERIFIED).toBe(RESPONSE_MARKS.VERIFIED)
    expect(row.flags & QUALITY_FLAG_BITS).toBe(0)
    expect(row.ticketId).toBe(nonceOf(ticket))
    const items = await prisma.item.findMany({ where: { id: { in: row.answerItemIds } }, select: { id: true, code: true } })
    const valueOf = (code: string) => row.answerValues[row.answerItemIds.indexOf(items.find((item) => item.code === code)!.id)]
    expect(valueOf('screen')).toBe(1)
    expect(valueOf('demo.procedure_field')).toBe(2)

    // The same response again (a retry) is the same response: 200, same receipt.
    expect(await submitResponse(body, phone)).toEqual({ ...result, status: 200 })
    // The same answers without the ticket are another body under the same id.
    const unticketed = { ...body, ticket: undefined, answers: { ...VALID_ANSWERS, 'demo.procedure_field': 2 } }
    expect(await refusal(unticketed)).toEqual({ status: 409, code: 'id_conflict' })
    // Another response with the used ticket: 409 ticket_used, nothing written.
    const before = await storedCounts()
    expect(await refusal(envelopeFor(point, { ticket }))).toEqual({ status: 409, code: 'ticket_used' })
    expect(await storedCounts()).toEqual(before)
  })

  test('a response without a ticket is not verified', async () => {
    const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, 'demo.procedure_field': 1 } })
    await submitResponse(body, phone)
    const row = await prisma.response.findUniqueOrThrow({ where: { id: body.id }, select: { flags: true, ticketId: true } })
    expect(row).toEqual({ flags: 0, ticketId: null })
  })

  test('50 concurrent submissions with one ticket store one response; the other 49 get 409 ticket_used', async () => {
    const ticket = await ticketFor(point)
    const before = await storedCounts()
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        submitResponse(envelopeFor(point, { ticket }), phone).then(
          (result) => result.status,
          (error: unknown) => (error instanceof SubmissionError ? `${error.status} ${error.code}` : error),
        ),
      ),
    )
    expect(outcomes.filter((outcome) => outcome === 201), JSON.stringify(outcomes)).toHaveLength(1)
    expect(outcomes.filter((outcome) => outcome === '409 ticket_used')).toHaveLength(49)
    const after = await storedCounts()
    expect(after.responses - before.responses).toBe(1)
    expect(await prisma.response.count({ where: { ticketId: nonceOf(ticket) } })).toBe(1)
  })

  test('forged, altered, unknown, expired and other-service-point tickets are refused and change nothing', async () => {
    const ticket = await ticketFor(point)
    const [keyId, payload, mac] = ticket.split('.') as [string, string, string]
    const flipped = (text: string) => text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A')
    const unminted = signTicket(
      newTicketClaims({ servicePointCode: point.servicePoint.code, field: null, issuedOn: vietnamDay(new Date()), expiryDays: 14 }),
      ticketKeys().signing,
    )
    const expired = await ticketFor(point, { now: new Date(Date.now() - 30 * DAY_MS) })
    const foreign = await ticketFor(other)
    const before = await storedCounts()

    const cases: [string, string, { status: number; code: string }][] = [
      ['altered payload', `${keyId}.${flipped(payload)}.${mac}`, { status: 400, code: 'ticket_invalid' }],
      ['altered signature', `${keyId}.${payload}.${flipped(mac)}`, { status: 400, code: 'ticket_invalid' }],
      ['unknown key', `zz.${payload}.${mac}`, { status: 400, code: 'ticket_invalid' }],
      ['not a token', 'hello', { status: 400, code: 'ticket_invalid' }],
      ['signed but never minted', unminted, { status: 400, code: 'ticket_invalid' }],
      ['expired', expired, { status: 410, code: 'ticket_expired' }],
      ['another service point', foreign, { status: 422, code: 'ticket_service_point_mismatch' }],
    ]
    for (const [, token, expected] of cases) expect(await refusal(envelopeFor(point, { ticket: token }))).toEqual(expected)
    expect(await refusal(envelopeFor(point, { ticket: 'bad token with spaces' }))).toEqual({ status: 400, code: 'invalid_envelope' })
    expect(await storedCounts()).toEqual(before)
    // Refused, the genuine ticket is still unused.
    expect(await prisma.response.count({ where: { ticketId: nonceOf(ticket) } })).toBe(0)
  })
})

describe('a printed ticket sheet', () => {
  test('creates one sheet and N tickets at once, each a valid token for its service point and field, and an audit event', async () => {
    const sheet = await printTicketSheet({ servicePointId: point.servicePoint.id, field: 'land', count: 25, printedById: clerkId })
    expect(sheet.tokens).toHaveLength(25)
    const today = vietnamDay(new Date())
    const nonces = sheet.tokens.map((token) => {
      const check = verifyTicket(token, ticketKeys(), today)
      if (!check.ok) throw new Error(`ticket does not verify: ${check.reason}`)
      expect(check.claims).toMatchObject({ servicePointCode: point.servicePoint.code, field: 'land', issuedOn: today })
      return check.claims.nonce
    })
    expect(new Set(nonces).size).toBe(25)
    const rows = await prisma.ratingTicket.findMany({ where: { sheetId: sheet.sheetId }, select: { id: true, dossierHash: true, servicePointId: true } })
    expect(rows.map((row) => row.id).sort()).toEqual([...nonces].sort())
    expect(rows.every((row) => row.dossierHash === null && row.servicePointId === point.servicePoint.id)).toBe(true)
    expect(await prisma.ticketSheet.findUniqueOrThrow({ where: { id: sheet.sheetId }, select: { count: true, printedById: true } })).toEqual({
      count: 25,
      printedById: clerkId,
    })
    expect(await prisma.auditEvent.count({ where: { action: 'tickets.sheet_printed', target: `ticket_sheet:${sheet.sheetId}` } })).toBe(1)
    // Printed again (a jammed printer): the same tickets.
    expect((await getPrintedSheet(sheet.sheetId))?.tokens.sort()).toEqual([...sheet.tokens].sort())
  })
})

function nonceOf(token: string): string {
  const check = verifyTicket(token, ticketKeys(), vietnamDay(new Date()))
  if (!check.ok) throw new Error(`ticket does not verify: ${check.reason}`)
  return check.claims.nonce
}
