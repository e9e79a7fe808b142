import { describe, expect, test } from 'vitest'
import { createRecentEvents } from './recent-events'

describe('recent events', () => {
  test('counts the events of a key inside a time window', () => {
    const events = createRecentEvents({ retentionMs: 60_000 })
    for (const at of [1_000, 2_000, 3_000, 10_000]) events.add('sp:1', at)
    events.add('sp:2', 2_500)
    expect(events.count('sp:1', 0, 10_000)).toBe(4)
    expect(events.count('sp:1', 2_000, 3_000)).toBe(2)
    expect(events.count('sp:2', 0, 10_000)).toBe(1)
    expect(events.count('sp:3', 0, 10_000)).toBe(0)
  })

  test('events arriving out of order are counted in their place', () => {
    const events = createRecentEvents({ retentionMs: 60_000 })
    for (const at of [5_000, 1_000, 3_000]) events.add('k', at)
    expect(events.count('k', 2_000, 4_000)).toBe(1)
  })

  test('an event can be taken back', () => {
    const events = createRecentEvents({ retentionMs: 60_000 })
    events.add('k', 1_000)
    const forget = events.add('k', 1_000)
    forget()
    forget()
    expect(events.count('k', 0, 2_000)).toBe(1)
  })

  test('events older than the retention are dropped', () => {
    const events = createRecentEvents({ retentionMs: 10_000 })
    events.add('k', 0)
    events.add('k', 20_000)
    expect(events.count('k', -1, 30_000)).toBe(1)
  })

  test('memory stays bounded under a flood of keys', () => {
    const events = createRecentEvents({ retentionMs: 10_000, maxKeys: 100 })
    for (let i = 0; i < 1_000; i++) events.add(`k${i}`, i)
    expect(events.size).toBeLessThanOrEqual(100)
  })
})
