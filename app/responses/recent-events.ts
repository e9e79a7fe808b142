/**
 * Timestamps of recent events per key (a kiosk, a service point), for "how many in the last N
 * seconds". In the server's memory, not the database: the platform is one process (PGlite allows
 * no other; ADR 003 keeps rate limits in memory for the same reason), so every submission passes
 * here, and a burst check then costs no query. A restart forgets the last few minutes, which can
 * only miss a burst that straddles it.
 */
export type RecentEvents = {
  /** Records an event; the returned function takes it back (a submission that was not stored). */
  add(key: string, at: number): () => void
  /** Events at `key` with from ≤ time ≤ to. */
  count(key: string, from: number, to: number): number
  readonly size: number
}

export function createRecentEvents({ retentionMs, maxKeys = 50_000 }: { retentionMs: number; maxKeys?: number }): RecentEvents {
  const byKey = new Map<string, number[]>()

  function prune(times: number[], before: number) {
    let stale = 0
    while (stale < times.length && times[stale]! < before) stale++
    if (stale > 0) times.splice(0, stale)
  }

  function makeRoom(now: number) {
    for (const [key, times] of byKey) {
      prune(times, now - retentionMs)
      if (times.length === 0) byKey.delete(key)
    }
    // Still full: a flood of keys. Forgetting the oldest keys only weakens the check.
    for (const key of byKey.keys()) {
      if (byKey.size < maxKeys) break
      byKey.delete(key)
    }
  }

  return {
    add(key, at) {
      let times = byKey.get(key)
      if (!times) {
        if (byKey.size >= maxKeys) makeRoom(at)
        times = []
        byKey.set(key, times)
      }
      // Events arrive almost in order: insert from the end.
      let index = times.length
      while (index > 0 && times[index - 1]! > at) index--
      times.splice(index, 0, at)
      prune(times, Math.max(at, times.at(-1)!) - retentionMs)
      let taken = false
      return () => {
        if (taken) return
        taken = true
        const current = byKey.get(key)
        const position = current?.indexOf(at) ?? -1
        if (current && position >= 0) current.splice(position, 1)
      }
    },
    count(key, from, to) {
      const times = byKey.get(key)
      if (!times) return 0
      return lowerBound(times, to + 1) - lowerBound(times, from)
    },
    get size() {
      return byKey.size
    },
  }
}

/** First index whose value is ≥ `value` in a sorted array. */
function lowerBound(values: readonly number[], value: number): number {
  let low = 0
  let high = values.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (values[middle]! < value) low = middle + 1
    else high = middle
  }
  return low
}
