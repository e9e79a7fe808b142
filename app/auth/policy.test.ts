import { describe, expect, test } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import * as policy from './policy'
import {
  type Actor,
  assignableRoles,
  CAPABILITIES,
  canEnterPaperAt,
  canManageUser,
  canModerateComments,
  canPrintTicketsAt,
  canReadComments,
  canSeeAgency,
  canSeeProvince,
  canSeeServicePoint,
  ROLES,
} from './policy'

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
    expect(canSeeAgency(actor(role, place), hanoiAgency)).toBe(hanoi)
    expect(canSeeAgency(actor(role, place), hueAgency)).toBe(hue)
  })

  test('a province administrator never reaches a national agency', () => {
    expect(canSeeAgency(actor('province_admin', { provinceId: 'hanoi' }), { id: 'moha', provinceId: null })).toBe(false)
  })
})

describe('who sees a province', () => {
  test('the Ministry and that province’s administrator only', () => {
    expect(canSeeProvince(actor('ministry_analyst'), 'hue')).toBe(true)
    expect(canSeeProvince(actor('province_admin', { provinceId: 'hanoi' }), 'hanoi')).toBe(true)
    expect(canSeeProvince(actor('province_admin', { provinceId: 'hanoi' }), 'hue')).toBe(false)
    expect(canSeeProvince(actor('agency_manager', { provinceId: 'hanoi', agencyId: 'agency-hn' }), 'hanoi')).toBe(false)
  })
})

describe('free-text comments', () => {
  test('are read by the agency’s own staff and the Ministry administrator, nobody else', () => {
    expect(canReadComments(actor('agency_viewer', { agencyId: 'agency-hn' }), 'agency-hn')).toBe(true)
    expect(canReadComments(actor('agency_manager', { agencyId: 'agency-hn' }), 'agency-hn')).toBe(true)
    expect(canReadComments(actor('ministry_admin'), 'agency-hn')).toBe(true)
    expect(canReadComments(actor('agency_manager', { agencyId: 'agency-hue' }), 'agency-hn')).toBe(false)
    expect(canReadComments(actor('ministry_analyst'), 'agency-hn')).toBe(false)
    expect(canReadComments(actor('province_admin', { provinceId: 'hanoi' }), 'agency-hn')).toBe(false)
    expect(canReadComments(actor('clerk', { provinceId: 'hanoi' }), 'agency-hn')).toBe(false)
  })
})

describe('a service point', () => {
  test('is seen by whoever sees its agency', () => {
    const point = { agencyId: 'agency-hn', provinceId: 'hanoi' }
    expect(canSeeServicePoint(actor('province_admin', { provinceId: 'hanoi' }), point)).toBe(true)
    expect(canSeeServicePoint(actor('province_admin', { provinceId: 'hue' }), point)).toBe(false)
    expect(canSeeServicePoint(actor('agency_viewer', { agencyId: 'agency-hn' }), point)).toBe(true)
    expect(canSeeServicePoint(actor('clerk', { provinceId: 'hanoi' }), point)).toBe(false)
  })
})

describe('moderating comments', () => {
  test("an agency's manager and the Ministry administrator moderate its comments", () => {
    expect(canModerateComments(actor('agency_manager', { agencyId: 'agency-hn' }), 'agency-hn')).toBe(true)
    expect(canModerateComments(actor('ministry_admin'), 'agency-hn')).toBe(true)
  })

  test('viewers, other agencies, analysts and province administrators do not', () => {
    expect(canModerateComments(actor('agency_viewer', { agencyId: 'agency-hn' }), 'agency-hn')).toBe(false)
    expect(canModerateComments(actor('agency_manager', { agencyId: 'agency-hue' }), 'agency-hn')).toBe(false)
    expect(canModerateComments(actor('ministry_analyst'), 'agency-hn')).toBe(false)
    expect(canModerateComments(actor('province_admin', { provinceId: 'hanoi' }), 'agency-hn')).toBe(false)
  })
})

describe('paper entry', () => {
  test('a clerk only where assigned; an administrator within scope', () => {
    const point = { provinceId: 'hanoi' }
    expect(canEnterPaperAt(actor('clerk', { provinceId: 'hanoi' }), point, true)).toBe(true)
    expect(canEnterPaperAt(actor('clerk', { provinceId: 'hanoi' }), point, false)).toBe(false)
    expect(canEnterPaperAt(actor('province_admin', { provinceId: 'hanoi' }), point, false)).toBe(true)
    expect(canEnterPaperAt(actor('province_admin', { provinceId: 'hue' }), point, false)).toBe(false)
    expect(canEnterPaperAt(actor('agency_manager', { agencyId: 'agency-hn' }), point, false)).toBe(false)
  })

  test('rating tickets: whoever keys paper there, and the manager of the service point’s agency only', () => {
    const point = { provinceId: 'hanoi', agencyId: 'agency-hn' }
    expect(canPrintTicketsAt(actor('clerk', { provinceId: 'hanoi' }), point, true)).toBe(true)
    expect(canPrintTicketsAt(actor('clerk', { provinceId: 'hanoi' }), point, false)).toBe(false)
    expect(canPrintTicketsAt(actor('agency_manager', { agencyId: 'agency-hn' }), point, false)).toBe(true)
    expect(canPrintTicketsAt(actor('agency_manager', { agencyId: 'agency-hue' }), point, false)).toBe(false)
    expect(canPrintTicketsAt(actor('agency_viewer', { agencyId: 'agency-hn' }), point, false)).toBe(false)
    expect(canPrintTicketsAt(actor('province_admin', { provinceId: 'hanoi' }), point, false)).toBe(true)
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

describe('capabilities', () => {
  test('every capability of the policy is listed in CAPABILITIES', () => {
    // A role-level rule takes the user alone; scoped rules take the unit too.
    const roleLevel = Object.entries(policy)
      .filter(([name, value]) => name.startsWith('can') && typeof value === 'function' && value.length === 1)
      .map(([name]) => name)
      .sort()
    expect(Object.keys(CAPABILITIES).sort()).toEqual(roleLevel)
  })

  test('a scoped rule never admits a role its capability refuses', () => {
    // Attached to everything the scoped rules compare, so only the role can refuse.
    const everywhere = (role: Role): Actor => ({ id: 'u', role, provinceId: 'hanoi', agencyId: 'agency-hn' })
    for (const role of ROLES) {
      const user = everywhere(role)
      if (canSeeAgency(user, hanoiAgency)) expect(CAPABILITIES.canReadDashboards(user)).toBe(true)
      if (canEnterPaperAt(user, { provinceId: 'hanoi' }, true)) expect(CAPABILITIES.canEnterPaper(user)).toBe(true)
      if (canManageUser(user, { id: 'other', role: 'clerk', provinceId: 'hanoi' })) {
        expect(CAPABILITIES.canManageUsers(user)).toBe(true)
      }
    }
  })
})

describe('peer comparison and improvement plans', () => {
  const hanoiAdmin = actor('province_admin', { provinceId: 'hanoi' })
  test("a province administrator compares their own province with any, and only their own province's agencies", () => {
    expect(policy.canComparePeers(hanoiAdmin, { level: 'province', provinceIds: ['hanoi', 'hue'] })).toBe(true)
    expect(policy.canComparePeers(hanoiAdmin, { level: 'province', provinceIds: ['hue', 'danang'] })).toBe(false)
    expect(policy.canComparePeers(hanoiAdmin, { level: 'agency', provinceIds: ['hanoi', 'hanoi'] })).toBe(true)
    expect(policy.canComparePeers(hanoiAdmin, { level: 'agency', provinceIds: ['hue', 'hue'] })).toBe(false)
    expect(policy.canComparePeers(actor('ministry_analyst'), { level: 'agency', provinceIds: ['hue'] })).toBe(true)
    expect(policy.canComparePeers(actor('agency_manager', { agencyId: 'agency-hn' }), { level: 'agency', provinceIds: ['hanoi'] })).toBe(false)
  })

  test("a plan is recorded by its province's administrator or its agency's manager, and read by the Ministry too", () => {
    const hanoiPlan = { provinceId: 'hanoi', agencyId: null }
    const agencyPlan = { provinceId: 'hanoi', agencyId: 'agency-hn' }
    expect(policy.canRecordImprovementActions(hanoiAdmin, hanoiPlan)).toBe(true)
    expect(policy.canRecordImprovementActions(hanoiAdmin, agencyPlan)).toBe(true)
    expect(policy.canRecordImprovementActions(hanoiAdmin, { provinceId: 'hue', agencyId: null })).toBe(false)
    const manager = actor('agency_manager', { agencyId: 'agency-hn' })
    expect(policy.canRecordImprovementActions(manager, agencyPlan)).toBe(true)
    expect(policy.canRecordImprovementActions(manager, hanoiPlan)).toBe(false)
    expect(policy.canRecordImprovementActions(actor('agency_viewer', { agencyId: 'agency-hn' }), agencyPlan)).toBe(false)
    expect(policy.canRecordImprovementActions(actor('ministry_admin'), hanoiPlan)).toBe(false)
  })
})

describe('sampling plans', () => {
  test("the Ministry administrator plans any service point, a province administrator only their province's", () => {
    const point = { provinceId: 'hanoi' }
    expect(policy.canPlanSamplesAt(actor('ministry_admin'), point)).toBe(true)
    expect(policy.canPlanSamplesAt(actor('province_admin', { provinceId: 'hanoi' }), point)).toBe(true)
    expect(policy.canPlanSamplesAt(actor('province_admin', { provinceId: 'hue' }), point)).toBe(false)
    expect(policy.canPlanSamplesAt(actor('ministry_analyst'), point)).toBe(false)
    expect(policy.canPlanSamplesAt(actor('agency_manager', { provinceId: 'hanoi', agencyId: 'agency-hn' }), point)).toBe(false)
  })
})

describe('analysis of a unit', () => {
  const hanoi = { level: 'province' as const, provinceId: 'hanoi', agencyId: null }
  const hanoiAgencyUnit = { level: 'agency' as const, provinceId: 'hanoi', agencyId: 'agency-hn' }
  const hanoiPoint = { level: 'servicePoint' as const, provinceId: 'hanoi', agencyId: 'agency-hn' }
  const hue = { level: 'province' as const, provinceId: 'hue', agencyId: null }

  test("the Ministry analyses any unit, a province administrator their province's, an agency manager their agency's", () => {
    for (const unit of [hanoi, hanoiAgencyUnit, hanoiPoint, hue]) expect(policy.canAnalyseUnit(actor('ministry_analyst'), unit)).toBe(true)
    const admin = actor('province_admin', { provinceId: 'hanoi' })
    expect([hanoi, hanoiAgencyUnit, hanoiPoint, hue].map((unit) => policy.canAnalyseUnit(admin, unit))).toEqual([true, true, true, false])
    const manager = actor('agency_manager', { provinceId: 'hanoi', agencyId: 'agency-hn' })
    expect([hanoi, hanoiAgencyUnit, hanoiPoint, hue].map((unit) => policy.canAnalyseUnit(manager, unit))).toEqual([false, true, true, false])
    expect(policy.canAnalyseUnit(actor('agency_viewer', { agencyId: 'agency-hn' }), hanoiAgencyUnit)).toBe(false)
    expect(policy.canAnalyseUnit(actor('clerk', { provinceId: 'hanoi' }), hanoi)).toBe(false)
  })
})
