import { randomUUID } from 'node:crypto'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { paperDefinition } from '~/paper/paper-definition.fixture'
import { createCampaign } from '~/questionnaire/campaigns.server'
import type { Definition } from '~/questionnaire/definition'
import { createDraft, createQuestionnaire, publishVersion } from '~/questionnaire/versions.server'
import { createUser } from './accounts'
import { createAgency, createProvince, createServicePoint } from './units'

/** A published questionnaire (the small paper fixture by default) asked at `servicePointIds` from `from` to `to`. */
export async function createPaperCampaign(
  servicePointIds: readonly string[],
  { from = '2026-01-01', to = '2026-12-31', definition = paperDefinition }: { from?: string; to?: string; definition?: Definition } = {},
) {
  const { questionnaireId } = await createQuestionnaire({ slug: `paper-${randomUUID()}`, title: 'Phiếu', titleEn: 'Form' })
  const { versionId } = await createDraft({ questionnaireId, definition, methodologyCode: 'sipas-2023' })
  const published = await publishVersion(versionId)
  if (!published.published) throw new Error(`fixture does not publish: ${JSON.stringify(published.problems)}`)
  const { campaignId } = await createCampaign({
    name: `Đợt ${from}`,
    nameEn: `Round ${from}`,
    startsOn: new Date(`${from}T00:00:00Z`),
    endsOn: new Date(`${to}T00:00:00Z`),
    versionId,
    servicePointIds,
  })
  return { versionId, campaignId }
}

/** A service point answering the paper fixture throughout 2026, in a province of its own. */
export async function createPaperServicePoint() {
  const province = await createProvince()
  const agency = await createAgency({ provinceId: province.id })
  const servicePoint = await createServicePoint(agency)
  return { province, agency, servicePoint, ...(await createPaperCampaign([servicePoint.id])) }
}

/** A clerk assigned to `servicePointIds` (none: a clerk of the province with no service point). */
export async function createClerk(provinceId: string, servicePointIds: readonly string[] = []) {
  const clerk = await createUser({ role: 'clerk', provinceId })
  if (servicePointIds.length) {
    await prisma.clerkAssignment.createMany({ data: servicePointIds.map((servicePointId) => ({ userId: clerk.id, servicePointId })) })
  }
  return clerk
}

/** A user of `role` attached to the province (administrators supervise reconciliation). */
export function createProvinceUser(role: Role, provinceId: string) {
  return createUser({ role, provinceId })
}

/** A batch written directly (the route opens batches through openBatch and its checks). */
export async function createPaperBatch(options: {
  servicePointId: string
  createdById: string
  doubleEntry?: boolean
  sheetCount?: number
  fromDate?: string
  toDate?: string
}) {
  const id = randomUUID()
  await prisma.paperBatch.create({
    data: {
      id,
      servicePointId: options.servicePointId,
      createdById: options.createdById,
      doubleEntry: options.doubleEntry ?? false,
      sheetCount: options.sheetCount ?? 10,
      fromDate: new Date(`${options.fromDate ?? '2026-03-01'}T00:00:00Z`),
      toDate: new Date(`${options.toDate ?? '2026-03-31'}T00:00:00Z`),
    },
    select: { id: true },
  })
  return { id }
}
