import { randomBytes, randomUUID } from 'node:crypto'
import { prisma } from '~/db.server'
import type { CaseStatus } from '~/generated/prisma/enums'
import { createSurvey, storeResponses, type Survey, uniformAnswers } from './survey'

/*
 * Cases for the tests of the citizen's side (thank-you opt-in, the "your feedback" page, contact
 * retention, public notes): a dissatisfied response stored through the one write path, then its
 * FeedbackCase row written directly, in whatever state the test needs.
 */

/** A survey world of one province, `agencies` agencies of one service point each. */
export function createCaseSurvey(agencies = 1): Promise<Survey> {
  return createSurvey({ provinces: 1, agencies, servicePoints: 1, versions: ['sipas-2023'] })
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** A receipt shaped like the real ones (three groups of four, Crockford base32). */
export function newReceipt(): string {
  const bytes = randomBytes(12)
  return [0, 4, 8].map((start) => [...bytes.subarray(start, start + 4)].map((b) => ALPHABET[b & 31]).join('')).join('-')
}

export type CaseSpec = {
  servicePointIndex?: number
  status?: CaseStatus
  publicReply?: string | null
  answeredAt?: Date | null
  closedAt?: Date | null
  dueOn?: string
  replyRequested?: string | null
}

/** A response (every scale item at 1) with a case in the state `spec` asks for; its receipt and ids. */
export async function createCase(survey: Survey, spec: CaseSpec = {}) {
  const version = survey.versions[0]!
  const servicePoint = survey.servicePoints[spec.servicePointIndex ?? 0]!
  const [stored] = await storeResponses(survey, [
    { version, servicePoint, submittedOn: '2026-12-01', channel: 'phone', answers: uniformAnswers(version.definition, 1) },
  ])
  const receipt = newReceipt()
  await prisma.response.update({ where: { id: stored!.id }, data: { receiptId: receipt }, select: { id: true } })
  const kase = await prisma.feedbackCase.create({
    data: {
      id: randomUUID(),
      responseId: stored!.id,
      agencyId: servicePoint.agencyId,
      provinceId: servicePoint.provinceId,
      servicePointId: servicePoint.id,
      status: spec.status ?? 'new',
      openedOn: new Date('2026-12-01'),
      dueOn: new Date(spec.dueOn ?? '2026-12-15'),
      publicReply: spec.publicReply ?? null,
      answeredAt: spec.answeredAt ?? null,
      closedAt: spec.closedAt ?? null,
      replyRequested: spec.replyRequested ?? null,
    },
    select: { id: true, agencyId: true, servicePointId: true, provinceId: true },
  })
  return { ...kase, receipt, responseId: stored!.id }
}

/** A response that opened no case (all answers satisfied); its receipt. */
export async function createResponseWithoutCase(survey: Survey) {
  const version = survey.versions[0]!
  const [stored] = await storeResponses(survey, [
    { version, servicePoint: survey.servicePoints[0]!, submittedOn: '2026-12-01', channel: 'phone', answers: uniformAnswers(version.definition, 5) },
  ])
  const receipt = newReceipt()
  await prisma.response.update({ where: { id: stored!.id }, data: { receiptId: receipt }, select: { id: true } })
  return receipt
}
