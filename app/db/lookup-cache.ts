/**
 * A process-local cache of lookups that every request repeats (a kiosk's token, a service
 * point's campaign, the quality settings). A change made through the app can make every app
 * server forget the entries it affects (change-notices.server.ts); otherwise a change is seen
 * within `ttlMs`.
 *
 * Concurrent callers of one key share one lookup (a burst costs one query). A failed lookup is
 * forgotten, so the next call tries again (the database may be back), unless `keepError` says the
 * failure is itself the answer, like a refusal worth repeating without a query.
 */
export type LookupCacheOptions = {
  ttlMs: number
  /** More keys than this and the cache starts over: a flood of distinct keys can't grow it without bound. */
  maxEntries?: number
  keepError?: (error: unknown) => boolean
}

export type LookupCache<K, V> = {
  get(key: K, lookup: () => Promise<V>, now?: number): Promise<V>
  delete(key: K): void
  clear(): void
}

export function createLookupCache<K, V>(options: LookupCacheOptions): LookupCache<K, V> {
  const entries = new Map<K, { expires: number; value: Promise<V> }>()
  return {
    get(key, lookup, now = Date.now()) {
      const cached = entries.get(key)
      if (cached && cached.expires > now) return cached.value
      if (options.maxEntries !== undefined && entries.size >= options.maxEntries) entries.clear()
      const entry = { expires: now + options.ttlMs, value: lookup() }
      entries.set(key, entry)
      entry.value.catch((error: unknown) => {
        if (!options.keepError?.(error) && entries.get(key) === entry) entries.delete(key)
      })
      return entry.value
    },
    delete(key) {
      entries.delete(key)
    },
    clear() {
      entries.clear()
    },
  }
}
