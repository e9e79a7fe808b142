import { expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createUser } from '../../test/factories/accounts'
import { createProvince } from '../../test/factories/units'
import { createAgency, createServicePoint } from './unit-admin.server'

test('a new agency and a new service point are stored, and a code already taken is an error on the code field', async () => {
  const actor = await createUser({ role: 'ministry_admin' })
  const province = await createProvince()
  const agency = { code: 'SO-TP-UT', name: 'Sở Tư pháp', nameEn: 'Department of Justice', kind: 'department' as const, provinceId: province.id }

  const created = await createAgency(actor, agency)
  expect(created).toEqual({ agencyId: expect.any(String) })
  expect(await createAgency(actor, { ...agency, name: 'Sở khác' })).toEqual({
    error: { field: 'code', key: 'agencies.errors.codeTaken' },
  })

  const point = { code: 'SO-TP-UT-1', name: 'Một cửa', nameEn: 'One-stop desk', address: '', agencyCode: agency.code }
  const stored = await createServicePoint(actor, point)
  expect(stored).toEqual({ servicePointId: expect.any(String) })
  expect(await prisma.servicePoint.findUniqueOrThrow({ where: { code: point.code }, select: { provinceId: true } })).toEqual({
    provinceId: province.id,
  })
  expect(await createServicePoint(actor, point)).toEqual({ error: { field: 'code', key: 'servicePoints.errors.codeTaken' } })
})
