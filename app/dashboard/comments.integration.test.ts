import { beforeAll, expect, test } from 'vitest'
import { yearPeriod } from '~/aggregation/period'
import { listAuditEvents } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { createUser } from '../../test/factories/accounts'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { hideComment, listAgencyComments, restoreComment } from './comments.server'

let survey: Survey
let agencyA: string
let agencyB: string
let managerId: string
const ids: Record<string, string | undefined> = {}

beforeAll(async () => {
  survey = await createSurvey({ provinces: 1, agencies: 2, servicePoints: 1, versions: ['sipas-2023'] })
  const [spA, spB] = survey.servicePoints
  agencyA = spA!.agencyId
  agencyB = spB!.agencyId
  managerId = (await createUser({ role: 'agency_manager', agencyId: agencyA })).id
  const version = survey.versions[0]!
  const stored = await storeResponses(survey, [
    { version, servicePoint: spA!, submittedOn: '2025-05-01', answers: uniformAnswers(version.definition, 5) },
    { version, servicePoint: spA!, submittedOn: '2024-05-01', answers: uniformAnswers(version.definition, 5) },
    { version, servicePoint: spB!, submittedOn: '2025-05-02', answers: uniformAnswers(version.definition, 2) },
  ])
  ;[ids.a2025, ids.a2024, ids.b2025] = stored.map((response) => response.id)
  await prisma.comment.createMany({
    data: [
      { responseId: ids.a2025!, itemCode: 'comment.suggestions', text: 'A, 2025' },
      { responseId: ids.a2024!, itemCode: 'comment.suggestions', text: 'A, 2024' },
      { responseId: ids.b2025!, itemCode: 'comment.suggestions', text: 'B, 2025' },
    ],
  })
})

test("an agency's comments are its own, in the period", async () => {
  const comments = await listAgencyComments(agencyA, yearPeriod(2025), { includeHidden: false })
  expect(comments.map((comment) => comment.text)).toEqual(['A, 2025'])
})

test("hiding another agency's comment through this agency finds nothing and changes nothing", async () => {
  expect(await hideComment({ agencyId: agencyA, responseId: ids.b2025!, reason: 'Xúc phạm', actorId: managerId })).toBe(false)
  expect(await listAgencyComments(agencyB, yearPeriod(2025), { includeHidden: false })).toHaveLength(1)
})

test('a hidden comment leaves the viewers’ list, stays for moderators with its reason, and is audited', async () => {
  expect(await hideComment({ agencyId: agencyA, responseId: ids.a2025!, reason: 'Xúc phạm cán bộ', actorId: managerId })).toBe(true)
  expect(await listAgencyComments(agencyA, yearPeriod(2025), { includeHidden: false })).toEqual([])
  const [moderated] = await listAgencyComments(agencyA, yearPeriod(2025), { includeHidden: true })
  expect(moderated).toMatchObject({ text: 'A, 2025', hidden: true, hiddenReason: 'Xúc phạm cán bộ' })
  const [event] = await listAuditEvents({ action: 'comment.hidden', take: 1 })
  expect(event).toMatchObject({ actorId: managerId, target: `comment:${ids.a2025}`, details: { agencyId: agencyA } })
  // Hiding twice is a no-op.
  expect(await hideComment({ agencyId: agencyA, responseId: ids.a2025!, reason: 'Lần nữa', actorId: managerId })).toBe(false)
})

test('a restored comment is shown again, audited', async () => {
  expect(await restoreComment({ agencyId: agencyA, responseId: ids.a2025!, actorId: managerId })).toBe(true)
  expect((await listAgencyComments(agencyA, yearPeriod(2025), { includeHidden: false })).map((comment) => comment.hidden)).toEqual([false])
  expect(await listAuditEvents({ action: 'comment.restored', take: 1 })).toHaveLength(1)
})
