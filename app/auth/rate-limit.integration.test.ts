import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { db } from '~/db.server'
import {
  KIOSK_SUBMISSION_LIMIT,
  PUBLIC_SUBMISSION_LIMIT,
  READ_API_LIMIT,
  resetRateLimits,
  takeRateLimit,
  takeSubmissionBudget,
} from './rate-limit.server'

/*
 * The rate limits on the engine under test: rate-limiter-flexible's RateLimiterPostgres on a
 * PostgreSQL server (one table for every app server), RateLimiterMemory on PGlite. Only Date is
 * faked: the library reads the time with Date.now(), and the database connections keep real timers.
 */

const T0 = Date.parse('2025-03-03T08:00:00Z')

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(T0)
  await resetRateLimits()
})
afterEach(() => vi.useRealTimers())

describe('submission budgets', () => {
  test('a script posting from one IP gets its window, then waits until the window ends', async () => {
    const ip = '203.0.113.7'
    for (let i = 0; i < PUBLIC_SUBMISSION_LIMIT.points; i++) expect((await takeSubmissionBudget({ clientIp: ip })).allowed).toBe(true)
    expect(await takeSubmissionBudget({ clientIp: ip })).toEqual({ allowed: false, retryAfterSeconds: PUBLIC_SUBMISSION_LIMIT.duration })
    vi.setSystemTime(T0 + 100_000)
    expect(await takeSubmissionBudget({ clientIp: ip })).toEqual({ allowed: false, retryAfterSeconds: PUBLIC_SUBMISSION_LIMIT.duration - 100 })
    vi.setSystemTime(T0 + PUBLIC_SUBMISSION_LIMIT.duration * 1000 + 1)
    expect(await takeSubmissionBudget({ clientIp: ip })).toEqual({ allowed: true })
  })

  test('the public budget averages one submission every 5 seconds', () => {
    expect(PUBLIC_SUBMISSION_LIMIT.duration / PUBLIC_SUBMISSION_LIMIT.points).toBe(5)
    expect(KIOSK_SUBMISSION_LIMIT.duration / KIOSK_SUBMISSION_LIMIT.points).toBe(1)
  })

  test('a kiosk behind an exhausted IP still submits, even a whole offline backlog at once', async () => {
    const ip = '198.51.100.20'
    expect(await takeSubmissionBudget({ clientIp: ip }, PUBLIC_SUBMISSION_LIMIT.points)).toEqual({ allowed: true })
    expect((await takeSubmissionBudget({ clientIp: ip })).allowed).toBe(false)
    expect(await takeSubmissionBudget({ clientIp: ip, kioskId: 'kiosk-1' }, KIOSK_SUBMISSION_LIMIT.points)).toEqual({ allowed: true })
    expect((await takeSubmissionBudget({ clientIp: ip, kioskId: 'kiosk-1' })).allowed).toBe(false)
  })

  test('a kiosk at a realistic pace (one answer every 20 s for a 12-hour day) is never refused', async () => {
    const refused: number[] = []
    for (let t = 0; t < 12 * 60 * 60 * 1000; t += 20_000) {
      vi.setSystemTime(T0 + t)
      if (!(await takeSubmissionBudget({ kioskId: 'kiosk-2' })).allowed) refused.push(t)
    }
    expect(refused).toEqual([])
  })

  test('a request that costs more than is left is refused with the wait for the window', async () => {
    expect(await takeSubmissionBudget({ clientIp: '192.0.2.1' }, PUBLIC_SUBMISSION_LIMIT.points - 10)).toEqual({ allowed: true })
    vi.setSystemTime(T0 + 60_000)
    expect(await takeSubmissionBudget({ clientIp: '192.0.2.1' }, 11)).toEqual({ allowed: false, retryAfterSeconds: 540 })
  })
})

test('each read-API token has its own window', async () => {
  for (let i = 0; i < READ_API_LIMIT.points; i++) await takeRateLimit(READ_API_LIMIT, 'token-a')
  expect(await takeRateLimit(READ_API_LIMIT, 'token-a')).toEqual({ allowed: false, retryAfterSeconds: READ_API_LIMIT.duration })
  expect(await takeRateLimit(READ_API_LIMIT, 'token-b')).toEqual({ allowed: true })
})

test.runIf(db.engine === 'postgres')('every app server draws on the same window', async () => {
  // A second copy of the module, with its own pool and limiters: what another app server runs.
  vi.resetModules()
  const other = await import('./rate-limit.server')
  const ip = '203.0.113.99'
  const half = PUBLIC_SUBMISSION_LIMIT.points / 2
  expect(await takeSubmissionBudget({ clientIp: ip }, half)).toEqual({ allowed: true })
  expect(await other.takeSubmissionBudget({ clientIp: ip }, half)).toEqual({ allowed: true })
  expect((await takeSubmissionBudget({ clientIp: ip })).allowed).toBe(false)
  expect((await other.takeSubmissionBudget({ clientIp: ip })).allowed).toBe(false)
})
