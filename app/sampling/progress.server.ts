import { officialResponseBasis } from '~/aggregation/official-basis.server'
import { reader } from '~/db/replica.server'
import { Prisma } from '~/generated/prisma/client'
import type { Channel } from '~/generated/prisma/enums'
import { RESPONSE_MARKS } from '~/quality/flags'
import { exclusionMask } from '~/quality/settings.server'
import { vietnamDay } from '~/responses/vietnam-time'
import { type PlannedCampaign, listCampaignPlans } from './plans.server'
import { type CampaignProgress, type DailyCount, campaignProgress } from './progress'

/*
 * What a campaign has collected: the responses that count in the official figures (the quality
 * flags' exclusion rule and the official response basis, as figures.server.ts applies them), of
 * this campaign, per service point, channel and day, read from the raw rows — the rollups have
 * neither the campaign nor, for answers, the channel.
 */

/** The campaign's progress over the service points within `where` (the user's scope). */
export async function getCampaignProgress(
  campaign: PlannedCampaign,
  where: Prisma.ServicePointWhereInput,
  language: 'vi' | 'en',
  now = new Date(),
): Promise<CampaignProgress> {
  const points = await listCampaignPlans(campaign.id, where)
  const counts = await countCollected(campaign, points.map((point) => point.id))
  const english = language === 'en'
  return campaignProgress(
    { startsOn: campaign.startsOn, endsOn: campaign.endsOn, today: vietnamDay(now) },
    points.map((point) => ({
      id: point.id,
      code: point.code,
      name: english ? point.nameEn : point.name,
      agency: { id: point.agency.id, name: english ? point.agency.nameEn : point.agency.name },
      province: point.province,
      plan: point.plan,
    })),
    counts,
  )
}

/** Responses that count, per service point × channel × day of the campaign. */
async function countCollected(campaign: PlannedCampaign, servicePointIds: readonly string[]): Promise<DailyCount[]> {
  if (servicePointIds.length === 0) return []
  const [mask, basis] = await Promise.all([exclusionMask(), officialResponseBasis()])
  const verifiedOnly = basis === 'verified' ? Prisma.sql`AND (flags & ${RESPONSE_MARKS.VERIFIED}::int) <> 0` : Prisma.empty
  // The service point and day conditions let PostgreSQL use the (servicePointId, submittedOn) index.
  const rows = await reader().$queryRaw<{ servicePointId: string; channel: Channel; day: string; n: number }[]>`
    SELECT "servicePointId", channel::text AS channel, to_char("submittedOn", 'YYYY-MM-DD') AS day, count(*)::int AS n
    FROM "Response"
    WHERE "servicePointId" = ANY(${[...servicePointIds]}::text[])
      AND "submittedOn" BETWEEN ${campaign.startsOn}::date AND ${campaign.endsOn}::date
      AND "campaignId" = ${campaign.id}
      AND (flags & ${mask}::int) = 0 ${verifiedOnly}
    GROUP BY 1, 2, 3`
  return rows
}
