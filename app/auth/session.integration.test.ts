import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createUser, requestWith, sessionCookieFor } from '../../test/factories/accounts'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './session-policy'
import { deleteEndedSessions, endAllSessions, endSession, getUser, requireUser, startSession } from './session.server'

const signIn = new Date('2026-03-02T01:00:00Z')
const after = (ms: number) => new Date(signIn.getTime() + ms)
const MINUTE = 60_000

async function signedIn() {
  const user = await createUser({ role: 'agency_viewer' })
  const cookie = await sessionCookieFor(user.id, signIn)
  return { user, cookie }
}

describe('sessions', () => {
  test('a fresh session identifies its user', async () => {
    const { user, cookie } = await signedIn()
    const found = await getUser(requestWith(cookie, '/account'), after(MINUTE))
    expect(found).toEqual({ id: user.id, email: user.email, name: user.name, role: 'agency_viewer', provinceId: null, agencyId: null })
  })

  test('the cookie is httpOnly, SameSite=Lax, and Secure only over HTTPS', async () => {
    const user = await createUser({ role: 'clerk' })
    const overHttp = await startSession(new Request('http://localhost/login'), user.id)
    const overHttps = await startSession(new Request('https://sipas.example/login'), user.id)
    expect(overHttp).toMatch(/HttpOnly/)
    expect(overHttp).toMatch(/SameSite=Lax/)
    expect(overHttp).not.toMatch(/Secure/)
    expect(overHttps).toMatch(/Secure/)
  })

  test('30 minutes without a request end the session', async () => {
    const { user, cookie } = await signedIn()
    expect(await getUser(requestWith(cookie, '/'), after(SESSION_IDLE_MS - MINUTE))).not.toBeNull()
    // The request above counted as activity, so idleness is measured from it.
    expect(await getUser(requestWith(cookie, '/'), after(2 * SESSION_IDLE_MS - 2 * MINUTE))).not.toBeNull()
    expect(await getUser(requestWith(cookie, '/'), after(3 * SESSION_IDLE_MS))).toBeNull()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  test('activity every 10 minutes does not stretch a session past 12 hours', async () => {
    const { cookie } = await signedIn()
    let last: unknown = 'unset'
    for (let t = 10 * MINUTE; t < SESSION_ABSOLUTE_MS; t += 10 * MINUTE) {
      last = await getUser(requestWith(cookie, '/'), after(t))
      expect(last).not.toBeNull()
    }
    expect(await getUser(requestWith(cookie, '/'), after(SESSION_ABSOLUTE_MS))).toBeNull()
  })

  test('an ended session is deleted, not only refused', async () => {
    const { user, cookie } = await signedIn()
    await getUser(requestWith(cookie, '/'), after(SESSION_ABSOLUTE_MS))
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  test('a deactivated user is signed out at the next request', async () => {
    const { user, cookie } = await signedIn()
    await prisma.user.update({ where: { id: user.id }, data: { active: false } })
    expect(await getUser(requestWith(cookie, '/'), after(MINUTE))).toBeNull()
  })

  test('a tampered cookie is ignored', async () => {
    const { cookie } = await signedIn()
    const [name, value = ''] = cookie.split('=')
    const tampered = `${name}=${value.slice(0, -3)}abc`
    expect(await getUser(requestWith(tampered, '/'), after(MINUTE))).toBeNull()
  })

  test('signing out ends only this browser; signing out everywhere ends all', async () => {
    const user = await createUser({ role: 'province_admin' })
    const laptop = await sessionCookieFor(user.id, signIn)
    const phone = await sessionCookieFor(user.id, signIn)
    const tablet = await sessionCookieFor(user.id, signIn)

    const cleared = await endSession(requestWith(laptop, '/logout'))
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/)
    expect(await getUser(requestWith(laptop, '/'), after(MINUTE))).toBeNull()
    expect(await getUser(requestWith(phone, '/'), after(MINUTE))).not.toBeNull()

    expect(await endAllSessions(user.id)).toBe(2)
    expect(await getUser(requestWith(phone, '/'), after(MINUTE))).toBeNull()
    expect(await getUser(requestWith(tablet, '/'), after(MINUTE))).toBeNull()
  })

  test('requireUser sends an anonymous visitor to sign in and back', async () => {
    const thrown = await requireUser(requestWith(null, '/admin/users?page=2')).catch((error: unknown) => error)
    expect(thrown).toBeInstanceOf(Response)
    const response = thrown as Response
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent('/admin/users?page=2')}`)
  })

  test('requireUser clears the cookie of an expired session', async () => {
    const { cookie } = await signedIn()
    const thrown = (await requireUser(requestWith(cookie, '/account'), after(SESSION_ABSOLUTE_MS)).catch((e: unknown) => e)) as Response
    expect(thrown.status).toBe(302)
    expect(thrown.headers.get('Set-Cookie')).toMatch(/sipas_session=;/)
  })

  test('the clean-up deletes idle and expired sessions and keeps live ones', async () => {
    const user = await createUser({ role: 'clerk' })
    await sessionCookieFor(user.id, signIn)
    const live = await sessionCookieFor(user.id, after(SESSION_IDLE_MS))
    expect(await deleteEndedSessions(after(SESSION_IDLE_MS + MINUTE))).toBeGreaterThanOrEqual(1)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    expect(await getUser(requestWith(live, '/'), after(SESSION_IDLE_MS + MINUTE))).not.toBeNull()
  })
})
