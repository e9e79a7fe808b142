import { randomUUID } from 'node:crypto'
import { hashPassword } from '~/auth/password.server'
import { startSession } from '~/auth/session.server'
import { prisma } from '~/db.server'
import { ROLES } from '~/auth/policy'
import type { Role } from '~/generated/prisma/enums'

/** A user of `role`; without `password` the account cannot sign in (like a new account). */
export async function createUser(
  options: { role: Role; provinceId?: string | null; agencyId?: string | null; email?: string; password?: string; active?: boolean },
) {
  const id = randomUUID()
  return prisma.user.create({
    data: {
      id,
      email: options.email ?? `${options.role}.${id.slice(0, 8)}@example.gov.vn`,
      name: `${options.role} ${id.slice(0, 4)}`,
      role: options.role,
      provinceId: options.provinceId ?? null,
      agencyId: options.agencyId ?? null,
      active: options.active ?? true,
      passwordHash: options.password ? await hashPassword(options.password) : '!',
    },
    select: { id: true, email: true, name: true, role: true, provinceId: true, agencyId: true },
  })
}

/**
 * One user of every role, each attached where its role is: the Ministry's to nothing, the
 * province administrator and the clerk to `provinceId`, the agency's roles to `agencyId` in it.
 * Created one after another, in the order of ROLES.
 */
export async function createUserOfEveryRole({ provinceId, agencyId }: { provinceId: string; agencyId: string }) {
  const attachment: Record<Role, { provinceId?: string; agencyId?: string }> = {
    ministry_admin: {},
    ministry_analyst: {},
    province_admin: { provinceId },
    agency_manager: { provinceId, agencyId },
    agency_viewer: { provinceId, agencyId },
    clerk: { provinceId },
  }
  const users = {} as Record<Role, Awaited<ReturnType<typeof createUser>>>
  for (const role of ROLES) users[role] = await createUser({ role, ...attachment[role] })
  return users
}

/** A `Cookie` header value for a fresh session of `userId`, started at `now`. */
export async function sessionCookieFor(userId: string, now = new Date()): Promise<string> {
  const setCookie = await startSession(new Request('http://localhost/login'), userId, now)
  return setCookie.split(';')[0] ?? ''
}

/** A request carrying a session cookie (or none when `cookie` is null). */
export function requestWith(cookie: string | null, path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers)
  if (cookie) headers.set('Cookie', cookie)
  return new Request(new URL(path, 'http://localhost'), { ...init, headers })
}
