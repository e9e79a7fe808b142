import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createUser, requestWith, sessionCookieFor } from '../../test/factories/accounts'
import { createAgency, createProvince, createServicePoint } from '../../test/factories/units'
import { getUser } from './session.server'
import { assignClerk, changeUserAccess, createUser as createAccount, setUserActive } from './user-admin.server'

async function provinceWithAdmin() {
  const province = await createProvince()
  const agency = await createAgency({ provinceId: province.id })
  const admin = await createUser({ role: 'province_admin', provinceId: province.id })
  return { province, agency, admin }
}

describe('account administration', () => {
  test('a province administrator creates agency staff in their province, attached to the agency’s province', async () => {
    const { province, agency, admin } = await provinceWithAdmin()
    const result = await createAccount(admin, {
      email: 'le.thi.b@example.gov.vn',
      name: 'Lê Thị B',
      role: 'agency_viewer',
      provinceId: null,
      agencyCode: agency.code,
    })
    expect('userId' in result).toBe(true)
    const created = await prisma.user.findUniqueOrThrow({ where: { email: 'le.thi.b@example.gov.vn' } })
    expect(created).toMatchObject({ role: 'agency_viewer', agencyId: agency.id, provinceId: province.id })
    expect(await prisma.auditEvent.count({ where: { action: 'user.created', target: `user:${created.id}` } })).toBe(1)
  })

  test('a province administrator cannot create a peer, nor staff of another province’s agency', async () => {
    const { admin } = await provinceWithAdmin()
    const foreign = await createAgency({ provinceId: (await createProvince()).id })
    const peer = await createAccount(admin, { email: 'peer@example.gov.vn', name: 'Peer', role: 'province_admin', provinceId: null, agencyCode: null })
    const outside = await createAccount(admin, {
      email: 'outside@example.gov.vn',
      name: 'Outside',
      role: 'agency_manager',
      provinceId: null,
      agencyCode: foreign.code,
    })
    expect(peer).toEqual({ error: { field: 'role', key: 'users.errors.roleNotAllowed' } })
    expect(outside).toEqual({ error: { field: 'agencyCode', key: 'users.errors.agencyOutOfScope' } })
    expect(await prisma.user.count({ where: { email: { in: ['peer@example.gov.vn', 'outside@example.gov.vn'] } } })).toBe(0)
  })

  test('a taken e-mail address is a field error, not a crash', async () => {
    const minister = await createUser({ role: 'ministry_admin' })
    const existing = await createUser({ role: 'ministry_analyst' })
    const again = await createAccount(minister, { email: existing.email, name: 'X', role: 'ministry_analyst', provinceId: null, agencyCode: null })
    expect(again).toEqual({ error: { field: 'email', key: 'users.errors.emailTaken' } })
  })

  test('a role change is audited with the before and after', async () => {
    const { agency, admin } = await provinceWithAdmin()
    const viewer = await createUser({ role: 'agency_viewer', provinceId: agency.provinceId, agencyId: agency.id })
    await changeUserAccess(admin, viewer, { role: 'agency_manager', provinceId: null, agencyCode: agency.code })
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.role_changed', target: `user:${viewer.id}` } })
    expect(event.actorId).toBe(admin.id)
    expect(event.details).toMatchObject({ from: { role: 'agency_viewer' }, to: { role: 'agency_manager', agencyId: agency.id } })
  })

  test('deactivating an account signs it out everywhere', async () => {
    const { agency, admin } = await provinceWithAdmin()
    const viewer = await createUser({ role: 'agency_viewer', provinceId: agency.provinceId, agencyId: agency.id })
    const cookie = await sessionCookieFor(viewer.id)
    await setUserActive(admin, viewer, false)
    expect(await prisma.session.count({ where: { userId: viewer.id } })).toBe(0)
    expect(await getUser(requestWith(cookie, '/'))).toBeNull()
  })

  test('an administrator cannot act on an account outside their reach', async () => {
    const { admin } = await provinceWithAdmin()
    const elsewhere = await createProvince()
    const stranger = await createUser({ role: 'clerk', provinceId: elsewhere.id })
    const refused = await setUserActive(admin, stranger, false).catch((error: unknown) => error)
    expect((refused as Response).status).toBe(403)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: stranger.id } })).active).toBe(true)
  })

  test('a clerk is assigned only service points of their province', async () => {
    const { province, agency, admin } = await provinceWithAdmin()
    const clerk = await createUser({ role: 'clerk', provinceId: province.id })
    const desk = await createServicePoint(agency)
    const foreignDesk = await createServicePoint(await createAgency({ provinceId: (await createProvince()).id }))
    expect(await assignClerk(admin, clerk, desk.code.toLowerCase())).toEqual({})
    expect(await assignClerk(admin, clerk, foreignDesk.code)).toEqual({
      error: { field: 'servicePointCode', key: 'users.errors.servicePointOutOfScope' },
    })
    const assigned = await prisma.clerkAssignment.findMany({ where: { userId: clerk.id }, select: { servicePointId: true } })
    expect(assigned).toEqual([{ servicePointId: desk.id }])
  })
})
