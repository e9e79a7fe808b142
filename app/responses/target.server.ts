import { prisma } from '~/db.server'
import type { Channel } from '~/generated/prisma/enums'
import { createLookupCache } from '~/db/lookup-cache'
import { getActiveCampaign } from '~/questionnaire/campaigns.server'
import type { Definition } from '~/questionnaire/definition'
import { getPublishedVersion } from '~/questionnaire/versions.server'
import { SubmissionError } from './errors'

/*
 * Where a submission goes: the service point, and the campaign running there on the day in
 * Vietnam, with its questionnaire version. Looked up on every submission, so kept in memory:
 * - service point + campaign per (code, day) for TARGET_CACHE_MS, refusals included (a flood
 *   at an unknown code costs no query). A new or edited campaign is seen within that time; the
 *   day is part of the key, so a campaign ending at midnight ends at midnight.
 * - published versions for the life of the process: a database trigger freezes them (ADR 004).
 */
const TARGET_CACHE_MS = 10_000
const MAX_CACHED_TARGETS = 20_000

export type SubmissionTarget = {
  servicePointId: string
  agencyId: string
  provinceId: string
  campaignId: string
  versionId: string
  /** The channels on which the campaign asks the version's short form (docs/decisions/027-short-forms.md). */
  shortFormChannels: readonly Channel[]
}

export type SubmissionVersion = {
  id: string
  definition: Definition
  /** Item row ids by item code (Response.answerItemIds). */
  itemIds: ReadonlyMap<string, number>
}

// Refusals (unknown code, no campaign) are answers too; a failed lookup (database down) is tried again.
const targets = createLookupCache<string, SubmissionTarget>({
  ttlMs: TARGET_CACHE_MS,
  maxEntries: MAX_CACHED_TARGETS,
  keepError: (error) => error instanceof SubmissionError,
})
const versions = new Map<string, Promise<SubmissionVersion | null>>()

/** The service point and campaign for a code on `day` (YYYY-MM-DD), or a SubmissionError (404/422). */
export function resolveTarget(servicePointCode: string, day: string, now = Date.now()): Promise<SubmissionTarget> {
  return targets.get(`${servicePointCode}\u0000${day}`, () => findTarget(servicePointCode, day), now)
}

async function findTarget(servicePointCode: string, day: string): Promise<SubmissionTarget> {
  const servicePoint = await prisma.servicePoint.findUnique({
    where: { code: servicePointCode },
    select: { id: true, agencyId: true, provinceId: true },
  })
  if (!servicePoint) throw new SubmissionError(404, 'unknown_service_point', { servicePointCode })
  const date = new Date(`${day}T00:00:00Z`)
  const campaign = await getActiveCampaign({ servicePointId: servicePoint.id }, date)
  if (!campaign) throw await explainNoCampaign(servicePoint.id, date)
  return {
    servicePointId: servicePoint.id,
    agencyId: servicePoint.agencyId,
    provinceId: servicePoint.provinceId,
    campaignId: campaign.id,
    versionId: campaign.version.id,
    shortFormChannels: campaign.shortFormChannels,
  }
}

/** Why nothing runs here today: a campaign still to come, one that ended, or none at all. */
async function explainNoCampaign(servicePointId: string, date: Date): Promise<SubmissionError> {
  const here = { servicePoints: { some: { servicePointId } } }
  const [upcoming, ended] = await Promise.all([
    prisma.campaign.findFirst({ where: { ...here, startsOn: { gt: date } }, select: { id: true } }),
    prisma.campaign.findFirst({ where: { ...here, endsOn: { lt: date } }, select: { id: true } }),
  ])
  if (upcoming) return new SubmissionError(422, 'campaign_not_started')
  if (ended) return new SubmissionError(422, 'campaign_closed')
  return new SubmissionError(422, 'no_campaign')
}

/**
 * The version a submission answers. It must be the campaign's: a client holding another
 * (published) version gets `version_not_current` and should reload the questionnaire.
 */
export async function requireTargetVersion(
  versionId: string,
  target: SubmissionTarget,
  grace?: VersionGrace,
): Promise<SubmissionVersion> {
  const version = await getVersion(versionId)
  if (!version) throw new SubmissionError(422, 'unknown_version')
  if (version.id !== target.versionId && !(grace && (await wasAskedRecently(version.id, target.servicePointId, grace)))) {
    throw new SubmissionError(422, 'version_not_current')
  }
  return version
}

/** Kiosks: the answer's day (YYYY-MM-DD) and how many days before it a superseded version is still taken. */
export type VersionGrace = { day: string; days: number }

const recentlyAsked = createLookupCache<string, boolean>({ ttlMs: TARGET_CACHE_MS, maxEntries: MAX_CACHED_TARGETS })

/**
 * Whether a campaign at the service point asked `versionId` on some day within `grace.days`
 * before `grace.day`: a kiosk that was offline when a new version was published keeps its
 * answers to the old one (docs/decisions/019-kiosk.md).
 */
function wasAskedRecently(versionId: string, servicePointId: string, grace: VersionGrace): Promise<boolean> {
  return recentlyAsked.get(`${versionId}\u0000${servicePointId}\u0000${grace.day}\u0000${grace.days}`, async () => {
    const day = new Date(`${grace.day}T00:00:00Z`)
    const from = new Date(day.getTime() - grace.days * 24 * 60 * 60 * 1000)
    const campaign = await prisma.campaign.findFirst({
      where: { versionId, startsOn: { lte: day }, endsOn: { gte: from }, servicePoints: { some: { servicePointId } } },
      select: { id: true },
    })
    return campaign !== null
  })
}

function getVersion(versionId: string): Promise<SubmissionVersion | null> {
  let version = versions.get(versionId)
  if (!version) {
    version = loadVersion(versionId)
    versions.set(versionId, version)
    // Unknown ids and failed lookups are not kept: only frozen versions are.
    version.then(
      (found) => found ?? versions.delete(versionId),
      () => versions.delete(versionId),
    )
  }
  return version
}

async function loadVersion(versionId: string): Promise<SubmissionVersion | null> {
  const version = await getPublishedVersion(versionId)
  if (!version) return null
  return { id: version.id, definition: version.definition, itemIds: new Map(version.items.map((item) => [item.code, item.id])) }
}

/** Forget cached targets and versions (tests that change campaigns mid-file). */
export function forgetSubmissionTargets() {
  targets.clear()
  recentlyAsked.clear()
  versions.clear()
}
