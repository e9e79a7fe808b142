import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { isoDate } from '~/i18n/format'
import type { PlanProblem } from './plan-format'
import { type PlanInput, parsePlanCsv } from './plan-import'
import { type ConfidenceLevel, DEFAULT_CONFIDENCE, isConfidenceLevel } from './sample-size'

/*
 * Sampling plans as stored (SamplingPlan: one row per campaign and service point): reading a
 * campaign's plans, setting one, importing a file of them. Every change is audited. Who may plan
 * which service point is the caller's to say (app/auth/policy.ts, canPlanSamplesAt).
 */

/** A campaign as the plan and progress pages name it. */
export async function getPlannedCampaign(campaignId: string) {
  const campaign = await prisma.campaign.findUnique({
    where: { id: campaignId },
    select: { id: true, name: true, nameEn: true, startsOn: true, endsOn: true, provinceId: true },
  })
  return campaign && { ...campaign, startsOn: isoDate(campaign.startsOn), endsOn: isoDate(campaign.endsOn) }
}

export type PlannedCampaign = NonNullable<Awaited<ReturnType<typeof getPlannedCampaign>>>

const servicePointSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  provinceId: true,
  agency: { select: { id: true, name: true, nameEn: true } },
  province: { select: { id: true, name: true } },
} satisfies Prisma.ServicePointSelect

/**
 * The campaign's service points within `where` (the user's scope), by code, each with its plan
 * (null when it has none yet).
 */
export async function listCampaignPlans(campaignId: string, where: Prisma.ServicePointWhereInput) {
  const members = await prisma.campaignServicePoint.findMany({
    where: { campaignId, servicePoint: where },
    select: { servicePoint: { select: servicePointSelect } },
    orderBy: { servicePoint: { code: 'asc' } },
  })
  const plans = await prisma.samplingPlan.findMany({
    where: { campaignId, servicePointId: { in: members.map((member) => member.servicePoint.id) } },
    select: { servicePointId: true, populationN: true, marginOfError: true, confidence: true },
  })
  const planOf = new Map(plans.map((plan) => [plan.servicePointId, plan]))
  return members.map(({ servicePoint }) => {
    const plan = planOf.get(servicePoint.id)
    return {
      ...servicePoint,
      plan: plan
        ? {
            populationN: plan.populationN,
            marginOfError: plan.marginOfError,
            // Stored by this module only, so always a listed level; the default guards hand edits.
            confidence: (isConfidenceLevel(plan.confidence) ? plan.confidence : DEFAULT_CONFIDENCE) as ConfidenceLevel,
          }
        : null,
    }
  })
}

export type CampaignPlanRow = Awaited<ReturnType<typeof listCampaignPlans>>[number]

/** Whether a service point takes part in a campaign, and where it is; null when it does not. */
export async function getCampaignServicePoint(campaignId: string, servicePointId: string) {
  const member = await prisma.campaignServicePoint.findUnique({
    where: { campaignId_servicePointId: { campaignId, servicePointId } },
    select: { servicePoint: { select: { id: true, code: true, provinceId: true } } },
  })
  return member?.servicePoint ?? null
}

/** Sets (or replaces) one service point's plan in a campaign, with its audit event. */
export async function setSamplingPlan(campaignId: string, servicePoint: { id: string; code: string }, input: PlanInput, actorId: string) {
  await prisma.$transaction(async (tx) => {
    const values = { populationN: input.populationN, marginOfError: input.marginOfError, confidence: input.confidence, updatedById: actorId }
    await tx.samplingPlan.upsert({
      where: { campaignId_servicePointId: { campaignId, servicePointId: servicePoint.id } },
      create: { campaignId, servicePointId: servicePoint.id, ...values },
      update: values,
      select: { campaignId: true },
    })
    await recordAudit(
      'sampling_plan.set',
      { actorId, target: `campaign:${campaignId}`, details: { servicePoint: servicePoint.code, ...input } },
      tx,
    )
  })
}

export type PlanImportResult = { imported: number; problems: [] } | { imported: 0; problems: PlanProblem[] }

/**
 * Imports a CSV of plans for a campaign, all or nothing: any bad line and nothing is written;
 * otherwise every line's plan is set (replacing an earlier one) with one audit event, in one
 * transaction. `mayPlan` says which service points the user may plan.
 */
export async function importSamplingPlans(
  campaignId: string,
  text: string,
  mayPlan: (servicePoint: { provinceId: string }) => boolean,
  actorId: string,
): Promise<PlanImportResult> {
  const [points, members] = await Promise.all([
    prisma.servicePoint.findMany({ select: { id: true, code: true, provinceId: true } }),
    prisma.campaignServicePoint.findMany({ where: { campaignId }, select: { servicePointId: true } }),
  ])
  const byCode = new Map(points.map((point) => [point.code, point]))
  const inCampaign = new Set(members.map((member) => member.servicePointId))
  const { rows, problems } = parsePlanCsv(text, (code) => {
    const point = byCode.get(code)
    return point ? { id: point.id, inCampaign: inCampaign.has(point.id), inScope: mayPlan(point) } : null
  })
  if (problems.length > 0) return { imported: 0, problems }
  await prisma.$transaction(async (tx) => {
    // One statement for the whole file, which may list every service point of a national campaign.
    await tx.$executeRaw`
      INSERT INTO "SamplingPlan" ("campaignId", "servicePointId", "populationN", "marginOfError", confidence, "updatedById", "updatedAt")
      SELECT ${campaignId}, id, n, e, c, ${actorId}, now() FROM unnest(
        ${rows.map((row) => row.servicePointId)}::text[], ${rows.map((row) => row.populationN)}::int[],
        ${rows.map((row) => row.marginOfError)}::float8[], ${rows.map((row) => row.confidence)}::float8[]
      ) AS t(id, n, e, c)
      ON CONFLICT ("campaignId", "servicePointId") DO UPDATE SET "populationN" = EXCLUDED."populationN",
        "marginOfError" = EXCLUDED."marginOfError", confidence = EXCLUDED.confidence,
        "updatedById" = EXCLUDED."updatedById", "updatedAt" = EXCLUDED."updatedAt"`
    await recordAudit('sampling_plan.imported', { actorId, target: `campaign:${campaignId}`, details: { rows: rows.length } }, tx)
  })
  return { imported: rows.length, problems: [] }
}

/** Campaigns whose collection is worth following: running on `today`, or ended in the 30 days before. */
export async function listCampaignsToFollow(where: Prisma.CampaignWhereInput, today: Date) {
  const monthAgo = new Date(today.getTime() - 30 * 86_400_000)
  const campaigns = await prisma.campaign.findMany({
    where: { AND: [where, { startsOn: { lte: today }, endsOn: { gte: monthAgo } }] },
    orderBy: [{ endsOn: 'desc' }, { id: 'asc' }],
    take: 20,
    select: { id: true, name: true, nameEn: true, startsOn: true, endsOn: true },
  })
  return campaigns.map((campaign) => ({ ...campaign, startsOn: isoDate(campaign.startsOn), endsOn: isoDate(campaign.endsOn) }))
}
