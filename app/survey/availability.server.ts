import { prisma } from '~/db.server'
import { isStorableText } from '~/db/storable-text'
import type { Prisma } from '~/generated/prisma/client'
import type { Channel } from '~/generated/prisma/enums'
import type { Definition } from '~/questionnaire/definition'
import { SubmissionError } from '~/responses/errors'
import { requireTargetVersion, resolveTarget } from '~/responses/target.server'
import { vietnamDay } from '~/responses/vietnam-time'

/*
 * What a QR code at a service point opens today: the questionnaire of the campaign running there
 * (found exactly as submissions find it, app/responses/target.server.ts), or why there is none.
 */

const servicePointSelect = { id: true, code: true, name: true, nameEn: true, active: true } satisfies Prisma.ServicePointSelect
export type SurveyServicePoint = Prisma.ServicePointGetPayload<{ select: typeof servicePointSelect }>

export type SurveyAvailability =
  | {
      status: 'open'
      servicePoint: SurveyServicePoint
      versionId: string
      definition: Definition
      /** The channels on which the campaign asks the short form (app/questionnaire/asked-form.ts). */
      shortFormChannels: readonly Channel[]
    }
  | { status: 'unknownCode' }
  | { status: 'servicePointClosed' | 'noCampaign'; servicePoint: SurveyServicePoint }
  | { status: 'notStarted'; servicePoint: SurveyServicePoint; startsOn: Date | null }
  | { status: 'closed'; servicePoint: SurveyServicePoint; endedOn: Date | null }

export async function getSurveyAvailability(code: string, now: Date): Promise<SurveyAvailability> {
  // The code comes from the URL: one with a NUL would make the query fail (a 500), not miss.
  if (!isStorableText(code)) return { status: 'unknownCode' }
  const servicePoint = await getServicePointByCode(code)
  if (!servicePoint) return { status: 'unknownCode' }
  if (!servicePoint.active) return { status: 'servicePointClosed', servicePoint }
  const day = vietnamDay(now)
  try {
    const target = await resolveTarget(servicePoint.code, day)
    const version = await requireTargetVersion(target.versionId, target)
    return {
      status: 'open',
      servicePoint,
      versionId: version.id,
      definition: version.definition,
      shortFormChannels: target.shortFormChannels,
    }
  } catch (error) {
    if (!(error instanceof SubmissionError)) throw error
    const date = new Date(`${day}T00:00:00Z`)
    if (error.code === 'campaign_not_started') {
      return { status: 'notStarted', servicePoint, startsOn: (await getNextCampaign(servicePoint.id, date))?.startsOn ?? null }
    }
    if (error.code === 'campaign_closed') {
      return { status: 'closed', servicePoint, endedOn: (await getLastEndedCampaign(servicePoint.id, date))?.endsOn ?? null }
    }
    if (error.code === 'no_campaign') return { status: 'noCampaign', servicePoint }
    throw error
  }
}

function getServicePointByCode(code: string) {
  return prisma.servicePoint.findUnique({ where: { code }, select: servicePointSelect })
}

function getNextCampaign(servicePointId: string, date: Date) {
  return prisma.campaign.findFirst({
    where: { servicePoints: { some: { servicePointId } }, startsOn: { gt: date } },
    orderBy: { startsOn: 'asc' },
    select: { startsOn: true },
  })
}

function getLastEndedCampaign(servicePointId: string, date: Date) {
  return prisma.campaign.findFirst({
    where: { servicePoints: { some: { servicePointId } }, endsOn: { lt: date } },
    orderBy: { endsOn: 'desc' },
    select: { endsOn: true },
  })
}
