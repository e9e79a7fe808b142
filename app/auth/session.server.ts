import { randomBytes } from 'node:crypto'
import { createCookie, redirect } from '@remix-run/node'
import { prisma } from '~/db.server'
import { env } from '~/env.server'
import type { Role } from '~/generated/prisma/client'
import { SESSION_IDLE_MS, sessionExpiry, sessionState, shouldTouchSession } from './session-policy'

/** What every loader knows about the signed-in person. */
export type SessionUser = {
  id: string
  email: string
  name: string
  role: Role
  provinceId: string | null
  agencyId: string | null
}

const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  provinceId: true,
  agencyId: true,
  active: true,
} as const

/** Signs the session and CSRF cookies. A fixed development value is refused in production. */
export const SESSION_SECRET = resolveSessionSecret()

function resolveSessionSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET
  if (env.NODE_ENV === 'production') {
    throw new Error('SESSION_SECRET must be set in production (at least 16 characters).')
  }
  return 'sipas-development-session-secret'
}

// The cookie holds only the signed session id; who the user is and whether the session is
// still valid always come from the database, so signing out anywhere takes effect at once.
const sessionCookie = createCookie('sipas_session', {
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secrets: [SESSION_SECRET],
})

/** HTTPS as the app sees it: Express builds request.url from req.protocol, which honours `trust proxy`. */
function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:'
}

/** The session id from the request's cookie, or null when absent or tampered with. */
export async function getSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value ? value : null
}

/** The signed-in user, or null. Ends (deletes) a session that is idle, expired or whose user was deactivated. */
export async function getUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const sessionId = await getSessionId(request)
  if (!sessionId) return null
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { createdAt: true, lastSeenAt: true, expiresAt: true, user: { select: sessionUserSelect } },
  })
  if (!session) return null
  if (sessionState(session, now) !== 'active' || !session.user.active) {
    await prisma.session.deleteMany({ where: { id: sessionId } })
    return null
  }
  if (shouldTouchSession(session, now)) {
    await prisma.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } })
  }
  const { active: _active, ...user } = session.user
  return user
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request, now = new Date()): Promise<SessionUser> {
  const user = await getUser(request, now)
  if (user) return user
  const url = new URL(request.url)
  const redirectTo = `${url.pathname}${url.search}`
  const headers = (await getSessionId(request)) ? { 'Set-Cookie': await clearSessionCookie(request) } : undefined
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`, { headers })
}

/** Starts a session for a user who just proved who they are; returns the Set-Cookie header. */
export async function startSession(request: Request, userId: string, now = new Date()): Promise<string> {
  // A new id at every sign-in, so an id planted before sign-in (session fixation) is worthless.
  const id = randomBytes(32).toString('base64url')
  const expiresAt = sessionExpiry(now)
  await prisma.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt }, select: { id: true } })
  return sessionCookie.serialize(id, { secure: isHttps(request), expires: expiresAt })
}

/** Signs out this browser; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = await getSessionId(request)
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } })
  return clearSessionCookie(request)
}

/** Signs a user out on every device (also used after a password reset and on deactivation). */
export async function endAllSessions(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } })
  return count
}

export function clearSessionCookie(request: Request): Promise<string> {
  return sessionCookie.serialize('', { secure: isHttps(request), expires: new Date(0), maxAge: 0 })
}

/** Sessions past either limit, for a periodic clean-up; `getUser` already refuses them. */
export async function deleteEndedSessions(now = new Date()): Promise<number> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS)
  const { count } = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] },
  })
  return count
}
