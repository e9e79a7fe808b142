import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { SYNC_RETRY_BASE_MS, type SyncRound } from './sync'
import { SYNC_INTERVAL_MS, SyncLoop } from './sync-loop'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

const HEARTBEAT_MS = 120_000
const done: SyncRound = { result: 'done', sent: 0, refused: 0 }
const retry: SyncRound = { result: 'retry', sent: 0, refused: 0, retryAfterMs: null }

/** A loop whose rounds answer from a script (then `done`), counting rounds and heartbeats. */
function loop(rounds: SyncRound[], heartbeat: () => Promise<boolean> = async () => true) {
  const events = new EventTarget()
  const counts = { rounds: 0, heartbeats: 0, revoked: 0 }
  const syncLoop = new SyncLoop({
    sendRound: async () => {
      counts.rounds++
      return rounds.shift() ?? done
    },
    heartbeat: () => {
      counts.heartbeats++
      return heartbeat()
    },
    heartbeatIntervalMs: () => HEARTBEAT_MS,
    onRevoked: () => counts.revoked++,
    random: () => 1,
    events,
  })
  return { syncLoop, events, counts }
}

describe('the sync loop', () => {
  test('sends at start, then on a timer, with a heartbeat after every round', async () => {
    const { syncLoop, counts } = loop([])
    syncLoop.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(counts).toEqual({ rounds: 1, heartbeats: 1, revoked: 0 })
    await vi.advanceTimersByTimeAsync(SYNC_INTERVAL_MS)
    expect(counts.rounds).toBe(2)
    expect(counts.heartbeats).toBe(2)
    syncLoop.stop()
  })

  test('after failures it waits longer each time, and the network coming back sends at once', async () => {
    const { syncLoop, events, counts } = loop([retry, retry, retry])
    syncLoop.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(counts.rounds).toBe(1)
    await vi.advanceTimersByTimeAsync(SYNC_RETRY_BASE_MS - 1)
    expect(counts.rounds).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(counts.rounds).toBe(2)
    // The second wait is twice the first.
    await vi.advanceTimersByTimeAsync(2 * SYNC_RETRY_BASE_MS - 1)
    expect(counts.rounds).toBe(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(counts.rounds).toBe(3)
    events.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(counts.rounds).toBe(4)
    syncLoop.stop()
  })

  test('a kick while a round runs makes one more round right after it', async () => {
    const { syncLoop, counts } = loop([])
    syncLoop.start()
    syncLoop.kick()
    syncLoop.kick()
    await vi.advanceTimersByTimeAsync(0)
    expect(counts.rounds).toBe(2)
    syncLoop.stop()
  })

  test('heartbeats go out on their own interval between rounds', async () => {
    const { syncLoop, counts } = loop([{ ...retry, retryAfterMs: 10 * HEARTBEAT_MS }])
    syncLoop.start()
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 3)
    expect(counts.rounds).toBe(1)
    expect(counts.heartbeats).toBe(4)
    syncLoop.stop()
  })

  test('a revoked device stops sending and beating', async () => {
    const { syncLoop, counts } = loop([{ result: 'revoked', sent: 0, refused: 0, status: 403 }])
    syncLoop.start()
    await vi.advanceTimersByTimeAsync(10 * SYNC_INTERVAL_MS)
    expect(counts).toEqual({ rounds: 1, heartbeats: 0, revoked: 1 })
  })

  test('a heartbeat refused with 401/403 stops the loop too', async () => {
    const { syncLoop, counts } = loop([], async () => false)
    syncLoop.start()
    await vi.advanceTimersByTimeAsync(10 * SYNC_INTERVAL_MS)
    expect(counts).toEqual({ rounds: 1, heartbeats: 1, revoked: 1 })
  })
})
