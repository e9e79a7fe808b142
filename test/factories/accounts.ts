import { randomUUID } from 'node:crypto'
import { hashPassword } from '~/auth/password.server'
import { startSession } from '~/auth/session.server'
import { prisma } from '~/db.server'
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
