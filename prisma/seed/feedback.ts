import { prisma } from '~/db.server'

/*
 * The citizen's side of cases in the demo: one answered case at the demo agency's service point
 * whose receipt is known, so the public "your feedback" page can be tried with it, and that
 * service point's "you said, we did" page with a published reply and an improvement. Runs after
 * the demo cases (cases.ts) and takes a response none of them uses.
 */

/** The receipt of the demo's answered case (test/e2e/feedback.spec.ts reads its reply). */
const DEMO_CASE_RECEIPT = 'DEMQ-RE9Y-2026'
const DAY_MS = 86_400_000
const REPLY =
  'Cảm ơn ông/bà đã phản ánh về thời gian chờ. Từ tháng 12, bộ phận một cửa mở thêm một quầy tiếp nhận vào buổi sáng và nhắn tin báo trước khi đến lượt.'

export async function seedDemoFeedback(servicePointId: string, managerId: string) {
  const taken = await prisma.feedbackCase.findMany({ where: { servicePointId }, select: { responseId: true } })
  const free = { servicePointId, id: { notIn: taken.map((row) => row.responseId) } }
  const select = { id: true, agencyId: true, provinceId: true, submittedOn: true } as const
  // A commented response if one is left; a small demo may have none, and the case only needs a response.
  const response =
    (await prisma.response.findFirst({ where: { ...free, comment: { isNot: null } }, orderBy: { submittedOn: 'desc' }, select })) ??
    (await prisma.response.findFirst({ where: free, orderBy: { submittedOn: 'desc' }, select }))
  if (!response) return
  await prisma.response.update({ where: { id: response.id }, data: { receiptId: DEMO_CASE_RECEIPT }, select: { id: true } })
  const answeredAt = new Date(response.submittedOn.getTime() + 3 * DAY_MS)
  const caseId = `case-demo-${response.id}`
  await prisma.feedbackCase.create({
    data: {
      id: caseId,
      responseId: response.id,
      agencyId: response.agencyId,
      provinceId: response.provinceId,
      servicePointId,
      status: 'answered',
      openedOn: response.submittedOn,
      dueOn: new Date(response.submittedOn.getTime() + 14 * DAY_MS),
      assigneeId: managerId,
      publicReply: REPLY,
      answeredAt,
      answeredById: managerId,
      replyRequested: 'receipt',
    },
  })
  await prisma.publicNote.createMany({
    data: [
      {
        id: `note-demo-improvement-${servicePointId}`,
        servicePointId,
        agencyId: response.agencyId,
        kind: 'improvement',
        said: 'Nhiều người phản ánh không biết hồ sơ của mình đang ở bước nào.',
        did: 'Bộ phận một cửa dán mã QR tra cứu tình trạng hồ sơ tại mỗi quầy và hướng dẫn cách tra cứu khi nhận hồ sơ.',
        publishedAt: new Date(answeredAt.getTime() - 30 * DAY_MS),
        publishedById: managerId,
      },
      {
        id: `note-demo-reply-${servicePointId}`,
        servicePointId,
        agencyId: response.agencyId,
        caseId,
        kind: 'reply',
        said: 'Phải chờ lâu vào buổi sáng.',
        did: REPLY,
        publishedAt: answeredAt,
        publishedById: managerId,
      },
    ],
  })
}
