import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import type { FieldErrors } from '~/forms/field-errors'
import type { Role } from '~/generated/prisma/enums'
import { action as listAction, loader as listLoader } from '~/routes/dashboard.$agencyId_.notes._index'
import { action as newAction, loader as newLoader } from '~/routes/dashboard.$agencyId_.notes.new'
import { loader as publicLoader } from '~/routes/s.$code_.you-said-we-did'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createCase, createCaseSurvey } from '../factories/cases'

/*
 * "You said, we did": an agency manager publishes notes (from an answered case or of their own),
 * scrubbed and limited; the manager or the province administrator withdraws them; the public page
 * lists what is still published, newest first. Anyone else: 403 and nothing changed.
 */

type Answer = { init: { status: number } | null; data: Record<string, unknown> }
const statusOf = (result: unknown) => (result instanceof Response ? result.status : ((result as Answer).init?.status ?? 200))

async function settle(run: () => Promise<unknown>) {
  try {
    return await run()
  } catch (thrown) {
    return thrown
  }
}

async function world() {
  const survey = await createCaseSurvey(2)
  const [here, other] = survey.servicePoints
  const user = (role: Role, at = here!) => createUser({ role, provinceId: at.provinceId, agencyId: role.startsWith('agency') ? at.agencyId : null })
  return { survey, here: here!, other: other!, manager: await user('agency_manager'), user }
}

async function post(userId: string, path: string, fields: Record<string, string>, run: typeof newAction | typeof listAction, agencyId: string) {
  const cookie = await sessionCookieFor(userId)
  const token = await getCsrfToken(requestWith(cookie, path))
  const body = new URLSearchParams({ ...fields, [CSRF_FIELD]: token ?? '' })
  return settle(() => run({ request: requestWith(cookie, path, { method: 'POST', body }), params: { agencyId }, context: {} }))
}

const publish = (userId: string, agencyId: string, fields: Record<string, string>) =>
  post(userId, `/dashboard/${agencyId}/notes/new`, fields, newAction, agencyId)
const withdraw = (userId: string, agencyId: string, noteId: string) =>
  post(userId, `/dashboard/${agencyId}/notes`, { intent: 'withdraw', noteId }, listAction, agencyId)

async function publicNotes(code: string) {
  const page = (await publicLoader({ request: requestWith(null, `/s/${code}/you-said-we-did`), params: { code }, context: {} })) as {
    notes: { kind: string; said: string; did: string }[]
  }
  return page.notes
}

describe('publishing "you said, we did"', () => {
  test('a note from an answered case is drafted from its public reply, published edited and scrubbed, and audited', async () => {
    const { survey, here, manager } = await world()
    const kase = await createCase(survey, { status: 'answered', publicReply: 'Đã thêm một quầy tiếp nhận.', answeredAt: new Date() })
    const cookie = await sessionCookieFor(manager.id)
    const path = `/dashboard/${here.agencyId}/notes/new?case=${kase.id}`
    const form = (await newLoader({ request: requestWith(cookie, path), params: { agencyId: here.agencyId }, context: {} })) as {
      draft: { caseId: string; servicePointId: string; did: string }
    }
    expect(form.draft).toMatchObject({ caseId: kase.id, servicePointId: here.id, did: 'Đã thêm một quầy tiếp nhận.' })

    const published = await publish(manager.id, here.agencyId, {
      caseId: kase.id,
      servicePointId: here.id,
      said: 'Phải chờ lâu; gọi 0912 345 678 không ai nghe.',
      did: 'Đã thêm một quầy tiếp nhận vào buổi sáng.',
    })
    expect(statusOf(published)).toBe(302)
    expect(await publicNotes(here.id)).toEqual([
      { id: expect.any(String), kind: 'reply', said: 'Phải chờ lâu; gọi [***] không ai nghe.', did: 'Đã thêm một quầy tiếp nhận vào buổi sáng.', publishedAt: expect.any(Date) },
    ])
    expect(await prisma.auditEvent.count({ where: { action: 'public_note.published', actorId: manager.id } })).toBe(1)
  })

  test('an improvement of the agency’s own; over-long or empty texts are refused and nothing is stored', async () => {
    const { here, manager } = await world()
    expect(statusOf(await publish(manager.id, here.agencyId, { servicePointId: here.id, did: 'Mở cửa thêm sáng thứ Bảy.' }))).toBe(302)
    const tooLong = (await publish(manager.id, here.agencyId, { servicePointId: here.id, did: 'x'.repeat(2_001) })) as Answer
    expect(statusOf(tooLong)).toBe(400)
    expect(tooLong.data.fieldErrors as FieldErrors).toEqual({ did: { key: 'notes.errors.didTooLong' } })
    expect(statusOf(await publish(manager.id, here.agencyId, { servicePointId: here.id, did: '  ' }))).toBe(400)
    expect((await publicNotes(here.id)).map((note) => [note.kind, note.did])).toEqual([['improvement', 'Mở cửa thêm sáng thứ Bảy.']])
  })

  test('another agency’s manager, a viewer and a service point of another agency are refused, and nothing changes', async () => {
    const { survey, here, other, user } = await world()
    const otherManager = await user('agency_manager', other)
    const viewer = await user('agency_viewer')
    const kase = await createCase(survey, { status: 'answered', publicReply: 'Đã trả lời.', answeredAt: new Date() })
    const before = await prisma.publicNote.count()
    expect(statusOf(await publish(otherManager.id, here.agencyId, { servicePointId: here.id, did: 'Không phải việc của tôi.' }))).toBe(403)
    expect(statusOf(await publish(viewer.id, here.agencyId, { servicePointId: here.id, did: 'Tôi chỉ được xem.' }))).toBe(403)
    // Its own agency, but naming another agency's service point or case.
    expect(statusOf(await publish(otherManager.id, other.agencyId, { servicePointId: here.id, did: 'Điểm của cơ quan khác.' }))).toBe(400)
    expect(
      statusOf(await publish(otherManager.id, other.agencyId, { servicePointId: other.id, caseId: kase.id, did: 'Hồ sơ của cơ quan khác.' })),
    ).toBe(400)
    const cookie = await sessionCookieFor(otherManager.id)
    const draft = await settle(() =>
      newLoader({ request: requestWith(cookie, `/dashboard/${other.agencyId}/notes/new?case=${kase.id}`), params: { agencyId: other.agencyId }, context: {} }),
    )
    expect(statusOf(draft)).toBe(404)
    expect(await prisma.publicNote.count()).toBe(before)
  })
})

describe('withdrawing a note', () => {
  test('by the agency’s manager or the province administrator; not by another province’s; the public page drops it', async () => {
    const { here, manager, user } = await world()
    await publish(manager.id, here.agencyId, { servicePointId: here.id, did: 'Cải tiến thứ nhất.' })
    await publish(manager.id, here.agencyId, { servicePointId: here.id, did: 'Cải tiến thứ hai.' })
    expect((await publicNotes(here.id)).map((note) => note.did)).toEqual(['Cải tiến thứ hai.', 'Cải tiến thứ nhất.'])
    const [second, first] = await prisma.publicNote.findMany({ where: { servicePointId: here.id }, orderBy: { publishedAt: 'desc' }, select: { id: true } })

    const elsewhere = await createUser({ role: 'province_admin', provinceId: (await createCaseSurvey()).servicePoints[0]!.provinceId })
    expect(statusOf(await withdraw(elsewhere.id, here.agencyId, first!.id))).toBe(403)
    expect(await prisma.publicNote.count({ where: { id: first!.id, withdrawnAt: null } })).toBe(1)

    expect(statusOf(await withdraw(manager.id, here.agencyId, second!.id))).toBe(200)
    const provinceAdmin = await user('province_admin')
    expect(statusOf(await withdraw(provinceAdmin.id, here.agencyId, first!.id))).toBe(200)
    expect(statusOf(await withdraw(provinceAdmin.id, here.agencyId, first!.id))).toBe(404)
    expect(await publicNotes(here.id)).toEqual([])
    expect(await prisma.auditEvent.count({ where: { action: 'public_note.withdrawn', target: { in: [`public_note:${first!.id}`, `public_note:${second!.id}`] } } })).toBe(2)

    const cookie = await sessionCookieFor(provinceAdmin.id)
    const list = (await listLoader({ request: requestWith(cookie, `/dashboard/${here.agencyId}/notes`), params: { agencyId: here.agencyId }, context: {} })) as {
      notes: { withdrawnAt: Date | null }[]
      publishes: boolean
    }
    expect(list.notes.every((note) => note.withdrawnAt !== null)).toBe(true)
    expect(list.publishes).toBe(false)
  })

  test('an unknown service point has no public page', async () => {
    expect(statusOf(await settle(() => publicLoader({ request: requestWith(null, '/s/NOPE/you-said-we-did'), params: { code: 'NOPE' }, context: {} })))).toBe(404)
  })
})
