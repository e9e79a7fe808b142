/*
 * Who hears that new responses were stored. The write path does not know what follows a write
 * (the rollup fold lives in app/aggregation, which responses may not import): the start-up wiring
 * (app/wiring.server.ts) subscribes to it. docs/architecture.md.
 */

type Listener = () => void

const listeners = new Set<Listener>()

/**
 * Calls `listener` after each written batch that stored at least one new response (not for
 * replays). Listeners run inside the write path: they must be quick and must not throw.
 * Returns the unsubscribe.
 */
export function onResponsesStored(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function notifyResponsesStored(): void {
  for (const listener of listeners) listener()
}
