import { afterEach, describe, expect, test } from 'vitest'
import { createRateLimiter, KIOSK_SUBMISSION_LIMIT, PUBLIC_SUBMISSION_LIMIT, resetSubmissionBudgets, takeSubmissionBudget } from './rate-limit.server'

describe('token bucket', () => {
  test('allows a burst up to capacity, then refuses with the wait for the next token', () => {
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 0.5 })
    expect([1, 2, 3].map(() => limiter.take('a', 0).allowed)).toEqual([true, true, true])
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 2 })
  })

  test('tokens come back over time', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 1 })
    expect(limiter.take('a', 0).allowed).toBe(true)
    expect(limiter.take('a', 500).allowed).toBe(false)
    expect(limiter.take('a', 1500).allowed).toBe(true)
  })

  test('each key has its own bucket', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001 })
    expect(limiter.take('a', 0).allowed).toBe(true)
    expect(limiter.take('b', 0).allowed).toBe(true)
    expect(limiter.take('a', 0).allowed).toBe(false)
  })

  test('memory stays bounded under a flood of new keys', () => {
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.001, maxKeys: 100 })
    for (let i = 0; i < 1000; i++) limiter.take(`ip-${i}`, 0)
    expect(limiter.size).toBeLessThanOrEqual(100)
  })
})

describe('submission budgets', () => {
  afterEach(() => resetSubmissionBudgets())

  test('a script posting from one IP is stopped, told how long to wait', () => {
    for (let i = 0; i < PUBLIC_SUBMISSION_LIMIT.capacity; i++) {
      expect(takeSubmissionBudget({ clientIp: '203.0.113.7' }, 0).allowed).toBe(true)
    }
    expect(takeSubmissionBudget({ clientIp: '203.0.113.7' }, 0)).toEqual({ allowed: false, retryAfterSeconds: 5 })
  })

  test('a kiosk behind an exhausted IP still submits, even a large offline backlog', () => {
    const ip = '198.51.100.20'
    for (let i = 0; i < PUBLIC_SUBMISSION_LIMIT.capacity; i++) takeSubmissionBudget({ clientIp: ip }, 0)
    expect(takeSubmissionBudget({ clientIp: ip }, 0).allowed).toBe(false)
    for (let i = 0; i < KIOSK_SUBMISSION_LIMIT.capacity; i++) {
      expect(takeSubmissionBudget({ clientIp: ip, kioskId: 'kiosk-1' }, 0).allowed).toBe(true)
    }
  })

  test('a kiosk at a realistic pace (one answer every 20 s for a 12-hour day) is never refused', () => {
    const twelveHours = 12 * 60 * 60 * 1000
    for (let t = 0; t < twelveHours; t += 20_000) expect(takeSubmissionBudget({ kioskId: 'kiosk-2' }, t).allowed).toBe(true)
  })
})

describe('a request that costs several tokens', () => {
  test('takes them all or none', () => {
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 1 })
    expect(limiter.take('a', 0, 8)).toEqual({ allowed: true })
    expect(limiter.take('a', 0, 3)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(limiter.take('a', 0, 2)).toEqual({ allowed: true })
    expect(limiter.take('a', 0, 20)).toEqual({ allowed: false, retryAfterSeconds: 10 })
  })
})
