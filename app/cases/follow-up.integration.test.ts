import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createCase, createCaseSurvey, createResponseWithoutCase } from '../../test/factories/cases'
import { CONSENT_VERSION } from './contact'
import { getFeedbackStatus, requestReplyByReceipt, saveCaseContact } from './follow-up.server'

const now = new Date('2026-12-02T03:00:00Z')

describe('hearing back about a case', () => {
  test('a contact given with consent is stored apart from the answers, with the consent version', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey)
    expect(await saveCaseContact(kase.receipt, { channel: 'phone', value: '0912345678' }, now)).toEqual({ refused: null })
    expect(await prisma.caseContact.findUnique({ where: { caseId: kase.id } })).toMatchObject({
      channel: 'phone',
      value: '0912345678',
      consentVersion: CONSENT_VERSION,
      consentedAt: now,
      deleteAfter: null,
    })
    expect((await prisma.feedbackCase.findUnique({ where: { id: kase.id } }))?.replyRequested).toBe('phone')
    // A second one replaces the first: one contact per case.
    await saveCaseContact(kase.receipt, { channel: 'email', value: 'lan@example.vn' }, now)
    expect(await prisma.caseContact.findMany({ where: { caseId: kase.id }, select: { channel: true, value: true } })).toEqual([
      { channel: 'email', value: 'lan@example.vn' },
    ])
  })

  test('a closed case takes no contact, and nothing is stored', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey, { status: 'closed', closedAt: now })
    expect(await saveCaseContact(kase.receipt, { channel: 'phone', value: '0912345678' }, now)).toEqual({ refused: 'case_closed' })
    expect(await requestReplyByReceipt(kase.receipt)).toEqual({ refused: 'case_closed' })
    expect(await prisma.caseContact.count({ where: { caseId: kase.id } })).toBe(0)
    expect((await prisma.feedbackCase.findUnique({ where: { id: kase.id } }))?.replyRequested).toBeNull()
  })

  test('a response without a case has nothing to hear back about', async () => {
    const survey = await createCaseSurvey()
    const receipt = await createResponseWithoutCase(survey)
    const contactsBefore = await prisma.caseContact.count()
    expect(await saveCaseContact(receipt, { channel: 'phone', value: '0912345678' }, now)).toEqual({ refused: 'no_case' })
    expect(await requestReplyByReceipt(receipt)).toEqual({ refused: 'no_case' })
    expect(await prisma.caseContact.count()).toBe(contactsBefore)
  })

  test('choosing the receipt stores no contact and does not undo a contact given before', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey)
    expect(await requestReplyByReceipt(kase.receipt)).toEqual({ refused: null })
    expect((await prisma.feedbackCase.findUnique({ where: { id: kase.id } }))?.replyRequested).toBe('receipt')
    expect(await prisma.caseContact.count({ where: { caseId: kase.id } })).toBe(0)

    const other = await createCase(survey)
    await saveCaseContact(other.receipt, { channel: 'phone', value: '0912345678' }, now)
    await requestReplyByReceipt(other.receipt)
    expect((await prisma.feedbackCase.findUnique({ where: { id: other.id } }))?.replyRequested).toBe('phone')
  })
})

describe('where a receipt stands', () => {
  test('an open case shows its stage and deadline, no reply', async () => {
    const survey = await createCaseSurvey()
    const kase = await createCase(survey, { status: 'in_progress', publicReply: 'Bản nháp chưa gửi', dueOn: '2026-12-15' })
    expect(await getFeedbackStatus(kase.receipt)).toEqual({
      stage: 'in_progress',
      submittedOn: new Date('2026-12-01'),
      dueOn: new Date('2026-12-15'),
      reply: null,
      answeredAt: null,
    })
  })

  test('an answered case shows the public reply', async () => {
    const survey = await createCaseSurvey()
    const answeredAt = new Date('2026-12-05T02:00:00Z')
    const kase = await createCase(survey, { status: 'answered', publicReply: 'Đã bố trí thêm một quầy.', answeredAt })
    expect(await getFeedbackStatus(kase.receipt)).toMatchObject({ stage: 'answered', reply: 'Đã bố trí thêm một quầy.', answeredAt })
  })

  test('a response without a case is received; an unknown receipt is nothing', async () => {
    const survey = await createCaseSurvey()
    const receipt = await createResponseWithoutCase(survey)
    expect(await getFeedbackStatus(receipt)).toMatchObject({ stage: 'received', dueOn: null, reply: null })
    expect(await getFeedbackStatus('ZZZZ-ZZZZ-ZZZZ')).toBeNull()
  })
})
