import { describe, expect, test } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import {
  type Actor,
  canManageUser,
  canSeeComments,
  hasAgencyAccess,
  hasPaperEntryAccess,
  hasProvinceAccess,
} from './access'
import { assignableRoles } from './roles'

const actor = (role: Role, place: Partial<Actor> = {}): Actor => ({
  id: `${role}-1`,
  role,
  provinceId: null,
  agencyId: null,
  ...place,
})

const hanoiAgency = { id: 'agency-hn', provinceId: 'hanoi' }
const hueAgency = { id: 'agency-hue', provinceId: 'hue' }

describe('who sees an agency', () => {
  test.each([
    ['ministry_admin', {}, true, true],
    ['ministry_analyst', {}, true, true],
    ['province_admin', { provinceId: 'hanoi' }, true, false],
    ['agency_manager', { agencyId: 'agency-hn' }, true, false],
    ['agency_viewer', { agencyId: 'agency-hue' }, false, true],
    ['clerk', { provinceId: 'hanoi' }, false, false],
  ] as const)('%s %o: Hà Nội agency %s, Huế agency %s', (role, place, hanoi, hue) => {
    expect(hasAgencyAccess(actor(role, place), hanoiAgency)).toBe(hanoi)
    expect(hasAgencyAccess(actor(role, place), hueAgency)).toBe(hue)
  })

  test('a province administrator never reaches a national agency', () => {
    expect(hasAgencyAccess(actor('province_admin', { provinceId: 'hanoi' }), { id: 'moha', provinceId: null })).toBe(false)
  })
})

describe('who sees a province', () => {
  test('the Ministry and that province’s administrator only', () => {
    expect(hasProvinceAccess(actor('ministry_analyst'), 'hue')).toBe(true)
    expect(hasProvinceAccess(actor('province_admin', { provinceId: 'hanoi' }), 'hanoi')).toBe(true)
    expect(hasProvinceAccess(actor('province_admin', { provinceId: 'hanoi' }), 'hue')).toBe(false)
    expect(hasProvinceAccess(actor('agency_manager', { provinceId: 'hanoi', agencyId: 'agency-hn' }), 'hanoi')).toBe(false)
  })
})

describe('free-text comments', () => {
  test('are read by the agency’s own staff and the Ministry administrator, nobody else', () => {
    expect(canSeeComments(actor('agency_viewer', { agencyId: 'agency-hn' }), 'agency-hn')).toBe(true)
    expect(canSeeComments(actor('agency_manager', { agencyId: 'agency-hn' }), 'agency-hn')).toBe(true)
    expect(canSeeComments(actor('ministry_admin'), 'agency-hn')).toBe(true)
    expect(canSeeComments(actor('agency_manager', { agencyId: 'agency-hue' }), 'agency-hn')).toBe(false)
    expect(canSeeComments(actor('ministry_analyst'), 'agency-hn')).toBe(false)
    expect(canSeeComments(actor('province_admin', { provinceId: 'hanoi' }), 'agency-hn')).toBe(false)
    expect(canSeeComments(actor('clerk', { provinceId: 'hanoi' }), 'agency-hn')).toBe(false)
  })
})

describe('paper entry', () => {
  test('a clerk only where assigned; an administrator within scope', () => {
    const point = { provinceId: 'hanoi' }
    expect(hasPaperEntryAccess(actor('clerk', { provinceId: 'hanoi' }), point, true)).toBe(true)
    expect(hasPaperEntryAccess(actor('clerk', { provinceId: 'hanoi' }), point, false)).toBe(false)
    expect(hasPaperEntryAccess(actor('province_admin', { provinceId: 'hanoi' }), point, false)).toBe(true)
    expect(hasPaperEntryAccess(actor('province_admin', { provinceId: 'hue' }), point, false)).toBe(false)
    expect(hasPaperEntryAccess(actor('agency_manager', { agencyId: 'agency-hn' }), point, false)).toBe(false)
  })
})

describe('managing accounts', () => {
  const provinceAdmin = actor('province_admin', { provinceId: 'hanoi' })

  test('a province administrator manages lower roles in their province only', () => {
    expect(canManageUser(provinceAdmin, { id: 'u1', role: 'agency_viewer', provinceId: 'hanoi' })).toBe(true)
    expect(canManageUser(provinceAdmin, { id: 'u2', role: 'agency_viewer', provinceId: 'hue' })).toBe(false)
    expect(canManageUser(provinceAdmin, { id: 'u3', role: 'province_admin', provinceId: 'hanoi' })).toBe(false)
    expect(canManageUser(provinceAdmin, { id: 'u4', role: 'ministry_admin', provinceId: null })).toBe(false)
  })

  test('nobody edits their own account, not even the Ministry administrator', () => {
    const minister = actor('ministry_admin')
    expect(canManageUser(minister, { id: minister.id, role: 'ministry_admin', provinceId: null })).toBe(false)
    expect(canManageUser(minister, { id: 'other', role: 'ministry_admin', provinceId: null })).toBe(true)
  })

  test('a province administrator cannot create a peer or anything above', () => {
    expect(assignableRoles('province_admin')).toEqual(['agency_manager', 'agency_viewer', 'clerk'])
    expect(assignableRoles('agency_manager')).toEqual([])
  })
})
