import { expect, test } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import { homePathFor, workLinksFor } from './work-screens'

test.each<[Role, string, string[]]>([
  ['ministry_admin', '/admin/users', ['admin', 'ministry', 'dashboard', 'analysis', 'paper', 'tickets', 'exports']],
  ['ministry_analyst', '/ministry', ['ministry', 'analysis', 'exports']],
  ['province_admin', '/admin/users', ['admin', 'dashboard', 'analysis', 'paper', 'tickets', 'exports']],
  ['agency_manager', '/dashboard', ['dashboard', 'analysis', 'tickets']],
  ['agency_viewer', '/dashboard', ['dashboard']],
  ['clerk', '/paper', ['paper', 'tickets']],
])('a %s lands on %s and the header links to %o', (role, home, links) => {
  expect(homePathFor({ role })).toBe(home)
  expect(workLinksFor({ role })).toEqual(links)
})
