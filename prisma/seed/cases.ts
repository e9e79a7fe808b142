import { dueOn } from '~/cases/deadline'
import { CaseSettingsSchema } from '~/cases/settings'
import { prisma } from '~/db.server'
import type { CaseStatus } from '~/generated/prisma/enums'
import { isoDate } from '~/i18n/format'

/*
 * Demo cases (docs/decisions/026-cases.md): for each agency of the demo province, its latest
 * commented responses become cases in every status, answered after a varying number of days, so
 * the agency's case list, the case page and the response-time view have something to show.
 */

const CASES_PER_AGENCY = 5
const STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'answered', 'closed', 'new']
const DAY_MS = 86_400_000
const REPLY =
  'Cảm ơn ông/bà đã phản ánh. Trung tâm đã kiểm tra hồ sơ, nhắc nhở bộ phận liên quan và sẽ báo trước khi trễ hẹn trả kết quả.'

export async function seedDemoCases(provinceId: string, managerId: string, managerAgencyId: string) {
  const settings = CaseSettingsSchema.parse({})
  const agencies = await prisma.agency.findMany({ where: { provinceId }, select: { id: true }, orderBy: { id: 'asc' } })
  for (const [agencyAt, agency] of agencies.entries()) {
    const comments = await prisma.comment.findMany({
      where: { response: { agencyId: agency.id } },
      select: { response: { select: { id: true, servicePointId: true, submittedOn: true } } },
      orderBy: { response: { submittedOn: 'desc' } },
      take: CASES_PER_AGENCY,
    })
    for (const [at, { response }] of comments.entries()) {
      const status = STATUSES[at % STATUSES.length]!
      const openedOn = isoDate(response.submittedOn)
      const answeredAt =
        status === 'answered' || status === 'closed' ? new Date(response.submittedOn.getTime() + (2 + ((agencyAt + at * 5) % 14)) * DAY_MS) : null
      const own = agency.id === managerAgencyId
      await prisma.feedbackCase.create({
        data: {
          id: `case-${response.id}`,
          responseId: response.id,
          agencyId: agency.id,
          provinceId,
          servicePointId: response.servicePointId,
          status,
          openedOn: response.submittedOn,
          dueOn: new Date(dueOn(openedOn, settings.deadlineWorkingDays, settings)),
          assigneeId: own && status !== 'new' ? managerId : null,
          internalNote: status === 'in_progress' ? 'Đã liên hệ bộ phận trả kết quả để xác minh.' : '',
          publicReply: answeredAt ? REPLY : null,
          answeredAt,
          answeredById: answeredAt && own ? managerId : null,
          closedAt: status === 'closed' ? answeredAt : null,
          replyRequested: at % 2 === 0 ? 'receipt' : null,
        },
      })
    }
  }
}
