import { describe, expect, test } from 'vitest'
import { FREE_LOGIN_FAILURES, LOGIN_DELAY_BASE_MS, LOGIN_DELAY_MAX_MS, LOGIN_FAILURES_RESET_MS, loginDelayMs, retryAfterMs } from './login-throttle'

describe('sign-in delay', () => {
  test('the first nine failures cost nothing', () => {
    for (let failures = 0; failures < FREE_LOGIN_FAILURES; failures++) expect(loginDelayMs(failures)).toBe(0)
  })

  test('from the tenth failure the delay doubles', () => {
    expect(loginDelayMs(10)).toBe(LOGIN_DELAY_BASE_MS)
    expect(loginDelayMs(11)).toBe(2 * LOGIN_DELAY_BASE_MS)
    expect(loginDelayMs(12)).toBe(4 * LOGIN_DELAY_BASE_MS)
  })

  test('the delay never exceeds the cap, however many failures', () => {
    expect(loginDelayMs(20)).toBe(LOGIN_DELAY_MAX_MS)
    expect(loginDelayMs(1_000_000)).toBe(LOGIN_DELAY_MAX_MS)
  })
})

describe('retry after', () => {
  const lastFailure = new Date('2026-03-02T08:00:00Z')
  const at = (ms: number) => new Date(lastFailure.getTime() + ms)

  test('counts down from the last failure', () => {
    const record = { failures: 10, lastFailure }
    expect(retryAfterMs(record, at(0))).toBe(LOGIN_DELAY_BASE_MS)
    expect(retryAfterMs(record, at(10_000))).toBe(LOGIN_DELAY_BASE_MS - 10_000)
    expect(retryAfterMs(record, at(LOGIN_DELAY_BASE_MS))).toBe(0)
  })

  test('no record and few failures mean no wait', () => {
    expect(retryAfterMs(null, at(0))).toBe(0)
    expect(retryAfterMs({ failures: 3, lastFailure }, at(0))).toBe(0)
  })

  test('a day without failures forgets them', () => {
    expect(retryAfterMs({ failures: 500, lastFailure }, at(LOGIN_FAILURES_RESET_MS))).toBe(0)
  })
})
