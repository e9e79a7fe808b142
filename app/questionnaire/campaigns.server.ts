import { randomUUID } from 'node:crypto'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { FORM_CHANNELS, type FormChannel } from './campaign-forms'

/*
 * A campaign is a survey period with a scope (national, or one province), the published version
 * it asks and the service points taking part. Dates are calendar days (`@db.Date`): pass a Date
 * at UTC midnight of the day in Vietnam, as the columns read back.
 */

export type CampaignInput = {
  name: string
  nameEn: string
  startsOn: Date
  endsOn: Date
  /** null or absent for a national campaign. */
  provinceId?: string | null
  versionId: string
  servicePointIds: readonly string[]
}

/** Why a campaign cannot be created, as an i18n key in the `questionnaire` namespace. */
export class CampaignError extends Error {}

export async function createCampaign(input: CampaignInput) {
  if (input.startsOn > input.endsOn) throw new CampaignError('campaigns.errors.endsBeforeStart')
  const version = await prisma.questionnaireVersion.findUnique({
    where: { id: input.versionId },
    select: { status: true },
  })
  // Responses point at the campaign's version, so it must already be frozen.
  if (version?.status !== 'published') throw new CampaignError('campaigns.errors.versionNotPublished')
  if (input.provinceId) {
    const outside = await prisma.servicePoint.count({
      where: { id: { in: [...input.servicePointIds] }, provinceId: { not: input.provinceId } },
    })
    if (outside > 0) throw new CampaignError('campaigns.errors.servicePointOutsideProvince')
  }
  const campaignId = randomUUID()
  await prisma.campaign.create({
    data: {
      id: campaignId,
      name: input.name,
      nameEn: input.nameEn,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      provinceId: input.provinceId ?? null,
      versionId: input.versionId,
      servicePoints: { create: input.servicePointIds.map((servicePointId) => ({ servicePointId })) },
    },
    select: { id: true },
  })
  return { campaignId }
}

/** A campaign as lists and the survey name it: both names and its period. */
const campaignSummarySelect = { id: true, name: true, nameEn: true, startsOn: true, endsOn: true } as const

const activeCampaignSelect = {
  ...campaignSummarySelect,
  provinceId: true,
  /** The channels answering the short form: submissions check answers against it with no query of their own. */
  shortFormChannels: true,
  version: { select: { id: true, version: true, methodologyCode: true } },
} satisfies Prisma.CampaignSelect

export type ServicePointRef = { servicePointId: string } | { servicePointCode: string }

/**
 * The campaign a service point answers on `date`: running that day (startsOn ≤ date ≤ endsOn),
 * including the service point, whose version is still published; null when none is.
 *
 * When several match, a province's own campaign beats a national one (the province chose to
 * survey its service points with its own version or period), then the one that started last,
 * then the one created last — so the answer is always the same for the same data.
 */
export function getActiveCampaign(servicePoint: ServicePointRef, date: Date) {
  const where =
    'servicePointId' in servicePoint
      ? { servicePointId: servicePoint.servicePointId, servicePoint: { active: true } }
      : { servicePoint: { code: servicePoint.servicePointCode, active: true } }
  return prisma.campaign.findFirst({
    where: {
      startsOn: { lte: date },
      endsOn: { gte: date },
      version: { status: 'published' },
      servicePoints: { some: where },
    },
    orderBy: [{ provinceId: { sort: 'asc', nulls: 'last' } }, { startsOn: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
    select: activeCampaignSelect,
  })
}

/** Campaigns matching `where` (a scope filter from the route), latest first. */
export function listCampaigns(where: Prisma.CampaignWhereInput) {
  return prisma.campaign.findMany({
    where,
    orderBy: [{ startsOn: 'desc' }, { createdAt: 'desc' }],
    take: 500,
    select: {
      ...campaignSummarySelect,
      province: { select: { name: true } },
      shortFormChannels: true,
      version: { select: { id: true, version: true, methodologyCode: true, questionnaire: { select: { slug: true } } } },
      _count: { select: { servicePoints: true } },
    },
  })
}

/** Ids of the active service points among `codes` (or all of them when `codes` is null) within `where`. */
export async function findServicePointIds(codes: readonly string[] | null, where: Prisma.ServicePointWhereInput) {
  const rows = await prisma.servicePoint.findMany({
    where: { AND: [where, { active: true }, codes ? { code: { in: [...codes] } } : {}] },
    select: { id: true, code: true },
  })
  return rows
}

/**
 * Which channels of a campaign ask the short form of its version (docs/decisions/027-short-forms.md).
 * Only a version with a short form offers one: otherwise CampaignError `noShortForm`. A campaign
 * outside `where` (the actor's scope) is not found (`unknownCampaign`). Submissions see the change
 * within their target cache's time (app/responses/target.server.ts).
 */
export async function setShortFormChannels(
  campaignId: string,
  channels: readonly FormChannel[],
  where: Prisma.CampaignWhereInput = {},
) {
  const campaign = await prisma.campaign.findFirst({
    where: { AND: [where, { id: campaignId }] },
    select: { id: true, version: { select: { definition: true } } },
  })
  if (!campaign) throw new CampaignError('campaigns.errors.unknownCampaign')
  if (channels.length > 0 && !hasShortForm(campaign.version.definition)) throw new CampaignError('campaigns.errors.noShortForm')
  const ordered = FORM_CHANNELS.filter((channel) => channels.includes(channel))
  await prisma.campaign.update({ where: { id: campaign.id }, data: { shortFormChannels: ordered }, select: { id: true } })
  return { campaignId: campaign.id, shortFormChannels: ordered }
}

/**
 * Ids of the published versions with a short form: the campaigns page offers the short form only
 * for their campaigns. Published versions are few; their definitions are read whole.
 */
export async function listShortFormVersionIds(): Promise<string[]> {
  const versions = await prisma.questionnaireVersion.findMany({ where: { status: 'published' }, select: { id: true, definition: true } })
  return versions.filter((version) => hasShortForm(version.definition)).map((version) => version.id)
}

function hasShortForm(definition: unknown): boolean {
  const shortForm = (definition as { shortForm?: { blocks?: unknown[] } } | null)?.shortForm
  return Boolean(shortForm?.blocks?.length)
}
