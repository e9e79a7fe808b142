import { expect, test } from 'vitest'
import type { Role } from '~/generated/prisma/enums'
import { homePathFor, workLinksFor } from './work-screens'

test.each<[Role, string, string[]]>([
  ['ministry_admin', '/admin/users', ['admin', 'ministry', 'dashboard', 'paper', 'tickets', 'exports']],
  ['ministry_analyst', '/ministry', ['ministry', 'exports']],
  ['province_admin', '/admin/users', ['admin', 'dashboard', 'paper', 'tickets', 'exports']],
  ['agency_manager', '/dashboard', ['dashboard', 'tickets']],
  ['agency_viewer', '/dashboard', ['dashboard']],
  ['clerk', '/paper', ['paper', 'tickets']],
])('a %s lands on %s and the header links to %o', (role, home, links) => {
  expect(homePathFor({ role })).toBe(home)
  expect(workLinksFor({ role })).toEqual(links)
})
