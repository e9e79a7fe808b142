import { describe, expect, test } from 'vitest'
import {
  safeRedirectPath,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionExpiry,
  sessionState,
  shouldTouchSession,
} from './session-policy'

const start = new Date('2026-03-02T08:00:00Z')
const later = (ms: number) => new Date(start.getTime() + ms)

describe('session limits', () => {
  test('a fresh session is active', () => {
    const session = { createdAt: start, lastSeenAt: start, expiresAt: sessionExpiry(start) }
    expect(sessionState(session, later(1000))).toBe('active')
  })

  test('a session unused for 30 minutes is idle', () => {
    const session = { createdAt: start, lastSeenAt: start, expiresAt: sessionExpiry(start) }
    expect(sessionState(session, later(SESSION_IDLE_MS - 1))).toBe('active')
    expect(sessionState(session, later(SESSION_IDLE_MS))).toBe('idle')
  })

  test('a session in constant use still ends 12 hours after sign-in', () => {
    const now = later(SESSION_ABSOLUTE_MS)
    const session = { createdAt: start, lastSeenAt: later(SESSION_ABSOLUTE_MS - 1000), expiresAt: sessionExpiry(start) }
    expect(sessionState(session, now)).toBe('expired')
  })

  test('last-seen time is written at most once a minute', () => {
    const session = { createdAt: start, lastSeenAt: start, expiresAt: sessionExpiry(start) }
    expect(shouldTouchSession(session, later(59_000))).toBe(false)
    expect(shouldTouchSession(session, later(60_000))).toBe(true)
  })
})

describe('redirect after sign-in', () => {
  test('a path on this site is kept', () => {
    expect(safeRedirectPath('/admin/users?page=2', '/account')).toBe('/admin/users?page=2')
  })

  test.each(['https://evil.example', '//evil.example', '/\\evil.example', '', null, 42])(
    '%s falls back to the default',
    (target) => {
      expect(safeRedirectPath(target, '/account')).toBe('/account')
    },
  )
})
