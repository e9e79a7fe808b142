import { describe, expect, test } from 'vitest'
import { createLookupCache } from './lookup-cache'

/** A lookup that counts its calls and answers `answer(call)`. */
function counting<V>(answer: (call: number) => Promise<V>) {
  let calls = 0
  const lookup = () => answer(++calls)
  return { lookup, calls: () => calls }
}

describe('lookup cache', () => {
  test('concurrent callers of one key share one lookup, until the entry expires', async () => {
    const cache = createLookupCache<string, number>({ ttlMs: 1_000 })
    const { lookup, calls } = counting(async (call) => call)
    const first = await Promise.all([
      cache.get('a', lookup, 0),
      cache.get('a', lookup, 10),
      cache.get('a', lookup, 999),
    ])
    expect(first).toEqual([1, 1, 1])
    expect(await cache.get('a', lookup, 1_000)).toBe(2)
    expect(calls()).toBe(2)
  })

  test('keys are cached apart; delete and clear forget them', async () => {
    const cache = createLookupCache<string, string>({ ttlMs: 1_000 })
    const { lookup, calls } = counting(async (call) => `answer ${call}`)
    expect(await cache.get('a', lookup, 0)).toBe('answer 1')
    expect(await cache.get('b', lookup, 0)).toBe('answer 2')
    cache.delete('a')
    expect(await cache.get('a', lookup, 0)).toBe('answer 3')
    expect(await cache.get('b', lookup, 0)).toBe('answer 2')
    cache.clear()
    expect(await cache.get('b', lookup, 0)).toBe('answer 4')
    expect(calls()).toBe(4)
  })

  test('a failed lookup is forgotten, so the next call tries again', async () => {
    const cache = createLookupCache<string, number>({ ttlMs: 1_000 })
    const { lookup } = counting(async (call) => {
      if (call === 1) throw new Error('database unavailable')
      return call
    })
    await expect(cache.get('a', lookup, 0)).rejects.toThrow('database unavailable')
    expect(await cache.get('a', lookup, 1)).toBe(2)
  })

  test('a failure that keepError accepts is an answer, repeated without a lookup', async () => {
    class Refusal extends Error {}
    const cache = createLookupCache<string, number>({ ttlMs: 1_000, keepError: (error) => error instanceof Refusal })
    const { lookup, calls } = counting<number>(async () => {
      throw new Refusal('no campaign')
    })
    await expect(cache.get('a', lookup, 0)).rejects.toThrow('no campaign')
    await expect(cache.get('a', lookup, 1)).rejects.toThrow('no campaign')
    expect(calls()).toBe(1)
  })

  test('past maxEntries keys it starts over instead of growing', async () => {
    const cache = createLookupCache<number, number>({ ttlMs: 1_000, maxEntries: 2 })
    const { lookup, calls } = counting(async (call) => call)
    await cache.get(1, lookup, 0)
    await cache.get(2, lookup, 0)
    await cache.get(3, lookup, 0) // the cache held 2 keys: cleared, then 3 added
    expect(await cache.get(3, lookup, 0)).toBe(3)
    expect(await cache.get(1, lookup, 0)).toBe(4)
    expect(calls()).toBe(4)
  })
})
