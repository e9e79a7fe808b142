import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createUser } from '../../test/factories/accounts'
import { FREE_LOGIN_FAILURES, LOGIN_DELAY_BASE_MS, LOGIN_DELAY_MAX_MS, LOGIN_FAILURES_RESET_MS } from './login-throttle'
import { deleteStaleLoginThrottles } from './login-throttle.server'
import { signIn } from './sign-in.server'

const PASSWORD = 'a sound staff password'
const start = new Date('2026-03-02T01:00:00Z')
const at = (ms: number) => new Date(start.getTime() + ms)

async function failTimes(times: number, input: { email: string; clientIp: string }, from = start) {
  for (let i = 0; i < times; i++) {
    const result = await signIn({ ...input, password: 'wrong password', now: new Date(from.getTime() + i) })
    expect(result.kind).toBe('invalid')
  }
}

describe('sign-in', () => {
  test('the right password signs in and is audited', async () => {
    const user = await createUser({ role: 'agency_manager', password: PASSWORD })
    const result = await signIn({ email: user.email.toUpperCase(), password: PASSWORD, clientIp: '192.0.2.1', now: start })
    expect(result).toEqual({ kind: 'signed-in', userId: user.id, role: 'agency_manager' })
    const events = await prisma.auditEvent.findMany({ where: { action: 'auth.sign_in', actorId: user.id } })
    expect(events).toHaveLength(1)
  })

  test('a wrong password, an unknown email and an inactive account fail alike and are audited', async () => {
    const user = await createUser({ role: 'clerk', password: PASSWORD })
    const inactive = await createUser({ role: 'clerk', password: PASSWORD, active: false })
    const wrong = await signIn({ email: user.email, password: 'nope', clientIp: '192.0.2.2', now: start })
    const unknown = await signIn({ email: 'nobody@example.gov.vn', password: PASSWORD, clientIp: '192.0.2.2', now: start })
    const disabled = await signIn({ email: inactive.email, password: PASSWORD, clientIp: '192.0.2.2', now: start })
    expect([wrong, unknown, disabled]).toEqual([{ kind: 'invalid' }, { kind: 'invalid' }, { kind: 'invalid' }])
    const reasons = await prisma.auditEvent.findMany({
      where: { action: 'auth.sign_in_failed' },
      select: { details: true },
      orderBy: { id: 'asc' },
    })
    expect(reasons.slice(-3).map((event) => (event.details as { reason: string }).reason)).toEqual([
      'wrong_password',
      'unknown_account',
      'inactive',
    ])
  })

  test('no IP address is stored in clear', async () => {
    await signIn({ email: 'nobody@example.gov.vn', password: 'x', clientIp: '203.0.113.99', now: start })
    const keys = await prisma.loginThrottle.findMany({ select: { key: true } })
    const audit = await prisma.auditEvent.findMany({ select: { details: true } })
    expect(JSON.stringify([keys, audit])).not.toContain('203.0.113.99')
  })
})

describe('failed sign-in throttling', () => {
  test('after 10 failures an account is refused, even with the right password, until the delay passes', async () => {
    const user = await createUser({ role: 'province_admin', password: PASSWORD })
    await failTimes(FREE_LOGIN_FAILURES, { email: user.email, clientIp: '198.51.100.1' })
    // From another IP too: the account itself is throttled.
    const refused = await signIn({ email: user.email, password: PASSWORD, clientIp: '198.51.100.2', now: at(1000) })
    expect(refused.kind).toBe('throttled')
    expect(refused.kind === 'throttled' && refused.retryAfterMs).toBeGreaterThan(LOGIN_DELAY_BASE_MS - 2000)
    const later = await signIn({ email: user.email, password: PASSWORD, clientIp: '198.51.100.2', now: at(LOGIN_DELAY_BASE_MS + 1000) })
    expect(later.kind).toBe('signed-in')
  })

  test('the delay grows with further failures but is never more than the cap', async () => {
    const user = await createUser({ role: 'clerk', password: PASSWORD })
    const input = { email: user.email, clientIp: '198.51.100.3' }
    await failTimes(FREE_LOGIN_FAILURES, input)
    let now = start.getTime()
    let delays: number[] = []
    for (let i = 0; i < 8; i++) {
      // Wait out the current delay, then fail again.
      const waited = await signIn({ ...input, password: 'wrong', now: new Date(now) })
      if (waited.kind === 'throttled') {
        delays.push(waited.retryAfterMs)
        now += waited.retryAfterMs
        await signIn({ ...input, password: 'wrong', now: new Date(now) })
      }
    }
    delays = delays.filter((delay) => delay > 1000)
    expect(delays.length).toBeGreaterThan(3)
    expect(delays[1]!).toBeGreaterThan(delays[0]!)
    expect(Math.max(...delays)).toBeLessThanOrEqual(LOGIN_DELAY_MAX_MS)
    // Never a permanent lock: after the capped delay the right password works.
    const ok = await signIn({ ...input, password: PASSWORD, now: new Date(now + LOGIN_DELAY_MAX_MS) })
    expect(ok.kind).toBe('signed-in')
  })

  test('one IP guessing many accounts is throttled per IP', async () => {
    const ip = '198.51.100.4'
    for (let i = 0; i < FREE_LOGIN_FAILURES; i++) {
      await signIn({ email: `guess${i}@example.gov.vn`, password: 'x', clientIp: ip, now: at(i) })
    }
    const user = await createUser({ role: 'agency_viewer', password: PASSWORD })
    const fromThatIp = await signIn({ email: user.email, password: PASSWORD, clientIp: ip, now: at(100) })
    const fromElsewhere = await signIn({ email: user.email, password: PASSWORD, clientIp: '198.51.100.5', now: at(100) })
    expect(fromThatIp.kind).toBe('throttled')
    expect(fromElsewhere.kind).toBe('signed-in')
  })

  test('a successful sign-in clears the account count', async () => {
    const user = await createUser({ role: 'agency_viewer', password: PASSWORD })
    const input = { email: user.email, clientIp: '198.51.100.6' }
    await failTimes(FREE_LOGIN_FAILURES - 1, input)
    expect((await signIn({ ...input, password: PASSWORD, now: at(100) })).kind).toBe('signed-in')
    await failTimes(FREE_LOGIN_FAILURES - 1, { email: user.email, clientIp: '198.51.100.7' }, at(200))
    expect((await signIn({ ...input, password: PASSWORD, now: at(300) })).kind).toBe('signed-in')
  })

  test('failures a day old are forgotten', async () => {
    const user = await createUser({ role: 'agency_viewer', password: PASSWORD })
    const input = { email: user.email, clientIp: '198.51.100.8' }
    await failTimes(FREE_LOGIN_FAILURES, input)
    await failTimes(1, { ...input, clientIp: '198.51.100.9' }, at(LOGIN_FAILURES_RESET_MS + 1000))
    const record = await prisma.loginThrottle.findUniqueOrThrow({ where: { key: `user:${user.email}` } })
    expect(record.failures).toBe(1)
  })

  test('the daily clean-up removes only day-old throttle rows', async () => {
    await signIn({ email: 'old@example.gov.vn', password: 'x', clientIp: '198.51.100.10', now: start })
    await signIn({ email: 'new@example.gov.vn', password: 'x', clientIp: '198.51.100.11', now: at(LOGIN_FAILURES_RESET_MS) })
    await deleteStaleLoginThrottles(at(LOGIN_FAILURES_RESET_MS + 1000))
    expect(await prisma.loginThrottle.count({ where: { key: 'user:old@example.gov.vn' } })).toBe(0)
    expect(await prisma.loginThrottle.count({ where: { key: 'user:new@example.gov.vn' } })).toBe(1)
  })
})
