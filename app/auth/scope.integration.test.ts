import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { paperServicePointScope } from '~/paper/scope'
import { createUser, createUserOfEveryRole } from '../../test/factories/accounts'
import { createAgency, createProvince, createServicePoint } from '../../test/factories/units'
import { type Actor, canEnterPaperAt, canManageUser, canSeeAgency, canSeeServicePoint, ROLES } from './policy'
import { agencyScope, servicePointScope, userScope } from './scope'

/*
 * The list filters are the rules of policy.ts written as queries: for every role, a list shows
 * exactly the rows the matching rule admits one by one.
 */

let users: Record<Role, Actor>
let clerkPointId: string

beforeAll(async () => {
  const here = await createProvince()
  const elsewhere = await createProvince()
  const agency = await createAgency({ provinceId: here.id })
  const otherAgency = await createAgency({ provinceId: elsewhere.id })
  await createAgency({ provinceId: null })
  const clerkPoint = await createServicePoint(agency)
  await createServicePoint(agency)
  await createServicePoint(otherAgency)
  clerkPointId = clerkPoint.id
  users = await createUserOfEveryRole({ provinceId: here.id, agencyId: agency.id })
  await createUser({ role: 'agency_viewer', provinceId: elsewhere.id, agencyId: otherAgency.id })
  await prisma.clerkAssignment.create({ data: { userId: users.clerk.id, servicePointId: clerkPoint.id } })
})

const ids = (rows: { id: string }[]) => rows.map((row) => row.id).sort()

describe.each(ROLES)('a %s', (role) => {
  test('lists the agencies canSeeAgency admits', async () => {
    const user = users[role]
    const all = await prisma.agency.findMany({ select: { id: true, provinceId: true } })
    const listed = await prisma.agency.findMany({ where: agencyScope(user), select: { id: true } })
    expect(ids(listed)).toEqual(ids(all.filter((agency) => canSeeAgency(user, agency))))
  })

  test('lists the service points canSeeServicePoint admits (a clerk: those assigned)', async () => {
    const user = users[role]
    const all = await prisma.servicePoint.findMany({ select: { id: true, agencyId: true, provinceId: true } })
    const listed = await prisma.servicePoint.findMany({ where: servicePointScope(user), select: { id: true } })
    const admitted = all.filter((point) => (role === 'clerk' ? point.id === clerkPointId : canSeeServicePoint(user, point)))
    expect(ids(listed)).toEqual(ids(admitted))
  })

  test('lists for paper entry the service points canEnterPaperAt admits', async () => {
    const user = users[role]
    const all = await prisma.servicePoint.findMany({ select: { id: true, provinceId: true } })
    const listed = await prisma.servicePoint.findMany({ where: paperServicePointScope(user), select: { id: true } })
    const admitted = all.filter((point) => canEnterPaperAt(user, point, role === 'clerk' && point.id === clerkPointId))
    expect(ids(listed)).toEqual(ids(admitted))
  })

  test('lists the accounts canManageUser admits, and its own when it manages any', async () => {
    const user = users[role]
    const all = await prisma.user.findMany({ select: { id: true, role: true, provinceId: true } })
    const listed = await prisma.user.findMany({ where: userScope(user), select: { id: true } })
    const managed = all.filter((target) => canManageUser(user, target))
    // An administrator sees their own account in the list but cannot edit it there.
    expect(ids(listed)).toEqual(ids(managed.length > 0 ? [...managed, user] : []))
  })
})
