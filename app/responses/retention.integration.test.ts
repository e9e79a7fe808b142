import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createCase, createCaseSurvey } from '../../test/factories/cases'
import { createAgency, createProvince, createServicePoint } from '../../test/factories/units'
import {
  COMMENT_RETENTION_SETTING,
  DEFAULT_COMMENT_RETENTION_DAYS,
  getCommentRetentionDays,
  purgeExpiredComments,
  SUBMITTED_AT_RETENTION_DAYS,
} from './retention.server'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2027-06-30T03:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY)

/** A minimal published questionnaire with one scale item and one text item, and a campaign at a service point. */
async function createSurveySetup() {
  const province = await createProvince()
  const agency = await createAgency({ provinceId: province.id })
  const servicePoint = await createServicePoint(agency)
  const questionnaireId = randomUUID()
  const versionId = randomUUID()
  await prisma.questionnaire.create({
    data: { id: questionnaireId, slug: `q-${questionnaireId}`, title: 'Phiếu', titleEn: 'Form' },
  })
  await prisma.questionnaireVersion.create({
    data: { id: versionId, questionnaireId, version: 1, methodologyCode: 'sipas-2023', definition: {} },
  })
  const item = await prisma.item.create({
    data: { versionId, code: 'Q1', position: 1, sectionCode: 'A', kind: 'scale', positive: [4, 5] },
    select: { id: true },
  })
  const campaign = await prisma.campaign.create({
    data: { id: randomUUID(), name: 'Đợt 1', nameEn: 'Round 1', startsOn: daysAgo(800), endsOn: now, versionId },
    select: { id: true },
  })
  return { province, agency, servicePoint, versionId, itemId: item.id, campaignId: campaign.id }
}

type Setup = Awaited<ReturnType<typeof createSurveySetup>>

async function createAnsweredResponse(setup: Setup, submittedAt: Date, comment: string | null) {
  const id = randomUUID()
  await prisma.response.create({
    data: {
      id,
      receiptId: id.slice(0, 12),
      bodyHash: id,
      versionId: setup.versionId,
      campaignId: setup.campaignId,
      servicePointId: setup.servicePoint.id,
      agencyId: setup.agency.id,
      provinceId: setup.province.id,
      channel: 'phone',
      language: 'vi',
      submittedOn: submittedAt,
      submittedAt,
      answerItemIds: [setup.itemId],
      answerValues: [4],
      ...(comment ? { comment: { create: { itemCode: 'Q9', text: comment, createdAt: submittedAt } } } : {}),
    },
  })
  return id
}

describe('retention purge', () => {
  test('comments past the retention go, coded answers stay', async () => {
    const setup = await createSurveySetup()
    const old = await createAnsweredResponse(
      setup,
      daysAgo(DEFAULT_COMMENT_RETENTION_DAYS + 1),
      'Cán bộ Nguyễn Văn A rất nhiệt tình'
    )
    const recent = await createAnsweredResponse(setup, daysAgo(10), 'Chờ lâu quá')

    const purged = await purgeExpiredComments(now)

    expect(purged.comments).toBe(1)
    expect(await prisma.comment.findUnique({ where: { responseId: old } })).toBeNull()
    expect(await prisma.comment.findUnique({ where: { responseId: recent } })).not.toBeNull()
    const kept = await prisma.response.findMany({
      where: { id: { in: [old, recent] } },
      select: { answerValues: true },
    })
    expect(kept.map((response) => response.answerValues)).toEqual([[4], [4]])
    expect(await prisma.response.count({ where: { id: { in: [old, recent] } } })).toBe(2)
  })

  test('exact submission times are cleared after 90 days, the date stays', async () => {
    const setup = await createSurveySetup()
    const old = await createAnsweredResponse(setup, daysAgo(SUBMITTED_AT_RETENTION_DAYS + 1), null)
    const recent = await createAnsweredResponse(setup, daysAgo(SUBMITTED_AT_RETENTION_DAYS - 1), null)

    await purgeExpiredComments(now)

    const rows = await prisma.response.findMany({
      where: { id: { in: [old, recent] } },
      select: { id: true, submittedAt: true, submittedOn: true },
    })
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]))
    expect(byId[old]?.submittedAt).toBeNull()
    expect(byId[old]?.submittedOn).not.toBeNull()
    expect(byId[recent]?.submittedAt).not.toBeNull()
  })

  test('the retention setting is honoured', async () => {
    const setup = await createSurveySetup()
    await prisma.setting.upsert({
      where: { key: COMMENT_RETENTION_SETTING },
      create: { key: COMMENT_RETENTION_SETTING, value: 30 },
      update: { value: 30 },
    })
    expect(await getCommentRetentionDays()).toBe(30)
    const month = await createAnsweredResponse(setup, daysAgo(31), 'Hơn một tháng')
    const week = await createAnsweredResponse(setup, daysAgo(7), 'Một tuần')
    await purgeExpiredComments(now)
    expect(await prisma.comment.findUnique({ where: { responseId: month } })).toBeNull()
    expect(await prisma.comment.findUnique({ where: { responseId: week } })).not.toBeNull()
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'retention.purged' }, orderBy: { id: 'desc' } })
    expect(audit?.details).toMatchObject({ retentionDays: 30 })
    await prisma.setting.delete({ where: { key: COMMENT_RETENTION_SETTING } })
  })

  test('a malformed setting stops the purge instead of being ignored', async () => {
    await prisma.setting.create({ data: { key: COMMENT_RETENTION_SETTING, value: 'forever' } })
    await expect(purgeExpiredComments(now)).rejects.toThrow()
    await prisma.setting.delete({ where: { key: COMMENT_RETENTION_SETTING } })
  })
})

describe('contact details of closed cases', () => {
  /** A case closed `closedDaysAgo` (or open), with a contact whose deleteAfter the closing set (or not). */
  async function caseWithContact(survey: Awaited<ReturnType<typeof createCaseSurvey>>, closedDaysAgo: number | null, setDeleteAfter: boolean) {
    const closedAt = closedDaysAgo === null ? null : daysAgo(closedDaysAgo)
    const kase = await createCase(survey, {
      status: closedAt ? 'closed' : 'answered',
      publicReply: 'Đã bố trí thêm một quầy.',
      answeredAt: daysAgo(40),
      closedAt,
    })
    await prisma.caseContact.create({
      data: {
        caseId: kase.id,
        channel: 'phone',
        value: '0912345678',
        consentVersion: 'test',
        consentedAt: daysAgo(45),
        deleteAfter: closedAt && setDeleteAfter ? new Date(closedAt.getTime() + CONTACT_DAYS * DAY) : null,
      },
    })
    return kase
  }
  const CONTACT_DAYS = 30 // the default contactRetentionDays (app/cases/settings.ts)
  const contactOf = (caseId: string) => prisma.caseContact.findUnique({ where: { caseId } })

  test('a contact goes once its case has been closed for the period, and not before', async () => {
    const survey = await createCaseSurvey()
    const expired = await caseWithContact(survey, CONTACT_DAYS + 1, true)
    const recent = await caseWithContact(survey, CONTACT_DAYS - 1, true)
    const open = await caseWithContact(survey, null, false)

    const purged = await purgeExpiredComments(now)

    expect(purged.contacts).toBe(1)
    expect(await contactOf(expired.id)).toBeNull()
    expect(await contactOf(recent.id)).not.toBeNull()
    expect(await contactOf(open.id)).not.toBeNull()
    // Nothing else of the case goes: the case with its reply, and the response.
    expect(await prisma.feedbackCase.findUnique({ where: { id: expired.id }, select: { status: true, publicReply: true } })).toEqual({
      status: 'closed',
      publicReply: 'Đã bố trí thêm một quầy.',
    })
    expect(await prisma.response.count({ where: { id: expired.responseId } })).toBe(1)
    const audit = await prisma.auditEvent.findFirst({ where: { action: 'retention.purged' }, orderBy: { id: 'desc' } })
    expect(audit?.details).toMatchObject({ contacts: 1, contactRetentionDays: CONTACT_DAYS })
  })

  test('a closed case whose contact has no deleteAfter loses it after the period all the same', async () => {
    const survey = await createCaseSurvey()
    const expired = await caseWithContact(survey, CONTACT_DAYS + 1, false)
    const recent = await caseWithContact(survey, CONTACT_DAYS - 1, false)

    await purgeExpiredComments(now)

    expect(await contactOf(expired.id)).toBeNull()
    expect(await contactOf(recent.id)).not.toBeNull()
    expect(await prisma.feedbackCase.count({ where: { id: { in: [expired.id, recent.id] } } })).toBe(2)
  })
})
