import { describe, expect, test } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import { type Actor, canReadCases, canSeeCaseContact, canWorkOnCases, ROLES } from './policy'

const actor = (role: Role, place: Partial<Actor> = {}): Actor => ({ id: `${role}-1`, role, provinceId: null, agencyId: null, ...place })
const own = { provinceId: 'hanoi', agencyId: 'agency-hn' }

describe('who may do what with an agency’s cases', () => {
  test('the agency’s staff and the Ministry administrator read them, nobody else', () => {
    const readers = ROLES.filter((role) => canReadCases(actor(role, own), 'agency-hn'))
    expect(readers).toEqual(['ministry_admin', 'agency_manager', 'agency_viewer'])
    expect(canReadCases(actor('agency_manager', { agencyId: 'agency-hue' }), 'agency-hn')).toBe(false)
  })

  test('only the agency’s manager works on them', () => {
    expect(ROLES.filter((role) => canWorkOnCases(actor(role, own), 'agency-hn'))).toEqual(['agency_manager'])
    expect(canWorkOnCases(actor('agency_manager', { agencyId: 'agency-hue' }), 'agency-hn')).toBe(false)
  })

  test('a citizen’s contact details: the agency’s own staff only, not the Ministry', () => {
    expect(ROLES.filter((role) => canSeeCaseContact(actor(role, own), 'agency-hn'))).toEqual(['agency_manager', 'agency_viewer'])
    expect(canSeeCaseContact(actor('agency_viewer', { agencyId: 'agency-hue' }), 'agency-hn')).toBe(false)
  })
})
