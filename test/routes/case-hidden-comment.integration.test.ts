import { expect, test } from 'vitest'
import { hideComment } from '~/dashboard/comments.server'
import { prisma } from '~/db.server'
import { submitResponse } from '~/responses/submit.server'
import { loader } from '~/routes/dashboard.$agencyId_.cases.$caseId/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createSurveyPoint, envelopeFor, VALID_ANSWERS } from '../factories/submissions'

/*
 * A case whose comment moderation hid (Comment.hiddenAt) is still the agency's to answer: its
 * page gives the comment as hidden, with the moderator's reason, as the agency's comment list
 * does — not as if nothing had happened to it.
 */

test('a case page marks a hidden comment as hidden and gives the reason; a visible one has neither', async () => {
  const point = await createSurveyPoint()
  const manager = await createUser({ role: 'agency_manager', provinceId: point.province.id, agencyId: point.agency.id })
  const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.time': 1, comment: 'Cán bộ quát tháo, thái độ rất tệ.' } })
  await submitResponse(body, { channel: 'web', language: 'vi', deadline: Date.now() + 60_000 })
  const { id: caseId } = await prisma.feedbackCase.findUniqueOrThrow({ where: { responseId: body.id }, select: { id: true } })
  const load = async () => {
    const request = requestWith(await sessionCookieFor(manager.id), `/dashboard/${point.agency.id}/cases/${caseId}`)
    return loader({ request, params: { agencyId: point.agency.id, caseId }, context: {} })
  }

  expect((await load()).found.comment).toEqual({ text: 'Cán bộ quát tháo, thái độ rất tệ.', hidden: false, hiddenReason: null })

  const reason = 'Lời lẽ xúc phạm cán bộ'
  expect(await hideComment({ agencyId: point.agency.id, responseId: body.id, reason, actorId: manager.id })).toBe(true)
  expect((await load()).found.comment).toEqual({ text: 'Cán bộ quát tháo, thái độ rất tệ.', hidden: true, hiddenReason: reason })
})
