import { beforeEach, describe, expect, test } from 'vitest'
import { RECEIPT_LOOKUP_LIMIT, resetRateLimits } from '~/auth/rate-limit.server'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import { loader as statusLoader } from '~/routes/feedback'
import { action as thanksAction, loader as thanksLoader } from '~/routes/s.$code_.thanks'
import { thanksPath } from '~/survey/thanks-link.server'
import { createCase, createCaseSurvey } from '../factories/cases'
import { requestWith } from '../factories/accounts'

/*
 * The citizen's side of a case through its pages: the thank-you page's offer to hear back (only
 * on the redirect's own link), its refusals, and the public "your feedback" page by receipt code.
 */

type Answer = { init: { status: number; headers?: Record<string, string> } | null; data: Record<string, unknown> }
const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as Answer).init?.status ?? 200))
const dataOf = (result: unknown) => ((result as Answer).data ?? result) as Record<string, unknown>

async function showThanks(path: string) {
  return (await thanksLoader({ request: requestWith(null, path), params: { code: 'AB12' }, context: {} })) as {
    optIn: { closed: boolean; replyRequested: string | null; retentionDays: number } | null
  }
}

async function postOptIn(receipt: string, fields: Record<string, string>, proof = new URL(thanksPath('AB12', receipt), 'http://x').searchParams.get('proof')!) {
  const body = new URLSearchParams({ receipt, proof, ...fields })
  const request = requestWith(null, `${thanksPath('AB12', receipt)}&lng=en`, { method: 'POST', body })
  try {
    return await thanksAction({ request, params: { code: 'AB12' }, context: {} })
  } catch (thrown) {
    return thrown
  }
}

async function lookUp(receipt: string, clientIp = '198.51.100.7') {
  return statusLoader({ request: requestWith(null, `/feedback?receipt=${encodeURIComponent(receipt)}`), params: {}, context: { clientIp } })
}

beforeEach(() => resetRateLimits())

describe('the thank-you page', () => {
  test('offers to hear back only on the link the submission redirected to', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey)
    expect((await showThanks(thanksPath('AB12', kase.receipt))).optIn).toEqual({
      proof: expect.any(String),
      closed: false,
      replyRequested: null,
      retentionDays: 30,
    })
    // The same receipt typed or guessed into the address: the page as it always was.
    expect((await showThanks(`/s/AB12/thanks?receipt=${kase.receipt}`)).optIn).toBeNull()
    expect((await showThanks(`/s/AB12/thanks?receipt=${kase.receipt}&proof=AAAAAAAAAAAAAAAAAAAAAA`)).optIn).toBeNull()
  })

  test('a contact without the consent box is refused with a message, and nothing is stored', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey)
    const refused = await postOptIn(kase.receipt, { intent: 'contact', contact: '0912 345 678' })
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused).fieldErrors as FieldErrors).toEqual({ consent: { key: 'optIn.errors.consent' } })
    expect(dataOf(refused).values).toMatchObject({ contact: '0912 345 678' })
    expect(await prisma.caseContact.count({ where: { caseId: kase.id } })).toBe(0)
    expect((await prisma.feedbackCase.findUnique({ where: { id: kase.id } }))?.replyRequested).toBeNull()
  })

  test('a contact that is neither a Vietnamese phone number nor an e-mail address is refused', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey)
    const refused = await postOptIn(kase.receipt, { intent: 'contact', contact: '12345', consent: 'yes' })
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused).fieldErrors as FieldErrors).toEqual({ contact: { key: 'optIn.errors.contact' } })
    expect(await prisma.caseContact.count({ where: { caseId: kase.id } })).toBe(0)
  })

  test('a contact with consent is stored apart, and the page then says so', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey)
    const saved = await postOptIn(kase.receipt, { intent: 'contact', contact: 'lan@example.vn', consent: 'yes' })
    expect(statusOf(saved)).toBe(302)
    expect((saved as Response).headers.get('Location')).toBe(thanksPath('AB12', kase.receipt))
    expect(await prisma.caseContact.findUnique({ where: { caseId: kase.id }, select: { channel: true, value: true } })).toEqual({
      channel: 'email',
      value: 'lan@example.vn',
    })
    expect((await showThanks(thanksPath('AB12', kase.receipt))).optIn?.replyRequested).toBe('email')
  })

  test('choosing the receipt code stores no contact', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey)
    expect(statusOf(await postOptIn(kase.receipt, { intent: 'receipt' }))).toBe(302)
    expect((await prisma.feedbackCase.findUnique({ where: { id: kase.id } }))?.replyRequested).toBe('receipt')
    expect(await prisma.caseContact.count({ where: { caseId: kase.id } })).toBe(0)
  })

  test('a closed case is refused with 409; a post without the proof is 403; nothing is stored', async () => {
    const survey = await createCaseSurvey()
    const closed = await createCase(survey, { status: 'closed', closedAt: new Date() })
    const refused = await postOptIn(closed.receipt, { intent: 'contact', contact: '0912345678', consent: 'yes' })
    expect(statusOf(refused)).toBe(409)
    expect(dataOf(refused).fieldErrors as FieldErrors).toEqual({ form: { key: 'optIn.errors.caseClosed' } })
    const open = await createCase(survey)
    expect(statusOf(await postOptIn(open.receipt, { intent: 'contact', contact: '0912345678', consent: 'yes' }, 'forged'))).toBe(403)
    expect(await prisma.caseContact.count({ where: { caseId: { in: [closed.id, open.id] } } })).toBe(0)
  })
})

describe('the "your feedback" page', () => {
  test('shows an answered case’s stage and public reply, and nothing personal', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey, { status: 'answered', publicReply: 'Đã bố trí thêm một quầy.', answeredAt: new Date() })
    const page = dataOf(await lookUp(kase.receipt.toLowerCase().replace(/-/g, ' ')))
    expect(page.outcome).toMatchObject({ kind: 'found', receipt: kase.receipt, stage: 'answered', reply: 'Đã bố trí thêm một quầy.' })
    expect(Object.keys(page.outcome as object).sort()).toEqual(['answeredAt', 'dueOn', 'kind', 'receipt', 'reply', 'stage', 'submittedOn'])
  })

  test('a wrong code is a 404 with the form again', async () => {
    const result = await lookUp('ZZZZ-ZZZZ-ZZZZ')
    expect(statusOf(result)).toBe(404)
    expect(dataOf(result)).toMatchObject({ outcome: { kind: 'not_found' }, typed: 'ZZZZ-ZZZZ-ZZZZ' })
    expect(statusOf(await lookUp('not a receipt'))).toBe(404)
  })

  test('look-ups from one address are limited, so receipts cannot be tried one after another', async () => {
    for (let i = 0; i < RECEIPT_LOOKUP_LIMIT.points; i++) expect(statusOf(await lookUp('ZZZZ-ZZZZ-ZZZZ', '203.0.113.9'))).toBe(404)
    const refused = await lookUp('ZZZZ-ZZZZ-ZZZZ', '203.0.113.9')
    expect(statusOf(refused)).toBe(429)
    expect(dataOf(refused).outcome).toMatchObject({ kind: 'rate_limited' })
    expect(statusOf(await lookUp('ZZZZ-ZZZZ-ZZZZ', '203.0.113.10'))).toBe(404)
  })
})
