import { afterEach, describe, expect, test, vi } from 'vitest'
import { databaseGuard } from './database-errors.server'
import { SubmissionError } from './errors'

describe('the database guard of one submission', () => {
  afterEach(() => vi.useRealTimers())

  test('answers 503 with a Retry-After when the deadline passes, for whichever step is waiting', async () => {
    vi.useFakeTimers()
    const guard = databaseGuard(Date.now() + 1_000)
    await expect(guard.run(async () => 'kiosk')).resolves.toBe('kiosk')
    const hung = guard.run(() => new Promise<never>(() => {}))
    vi.advanceTimersByTime(1_000)
    await expect(hung).rejects.toMatchObject({ status: 503, code: 'database_unavailable' })
    expect(((await hung.catch((error: unknown) => error)) as SubmissionError).params.retryAfterSeconds).toBeGreaterThan(
      0,
    )
    guard.end()
  })

  test('turns "cannot reach the database" into 503 and lets other errors through', async () => {
    const guard = databaseGuard(Date.now() + 1_000)
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
    await expect(guard.run(() => Promise.reject(refused))).rejects.toMatchObject({ status: 503 })
    const bug = new TypeError('a bug')
    await expect(guard.run(() => Promise.reject(bug))).rejects.toBe(bug)
    const refusal = new SubmissionError(404, 'unknown_service_point')
    await expect(guard.run(() => Promise.reject(refusal))).rejects.toBe(refusal)
    guard.end()
  })

  test('uses one timer for all of its steps, and none once ended', async () => {
    vi.useFakeTimers()
    const guard = databaseGuard(Date.now() + 1_000)
    for (const step of ['kiosk', 'target', 'version', 'settings', 'write']) await guard.run(async () => step)
    expect(vi.getTimerCount()).toBe(1)
    guard.end()
    expect(vi.getTimerCount()).toBe(0)
  })
})
