import { retryDelayMs, type SyncRound } from './sync'

/*
 * When the queue is sent: at start, right after each completed response, when the browser says
 * the network is back (`online`), and on a timer — soon after a failure (capped exponential
 * backoff with jitter, sync.ts), every SYNC_INTERVAL_MS otherwise, in case an `online` event was
 * missed. One round at a time. A heartbeat follows every round and goes out every
 * `heartbeatSeconds` in between. A 401/403 stops the loop: the device is no longer enrolled.
 */

/** A round on a timer even when nothing asked for one. */
export const SYNC_INTERVAL_MS = 60_000

export type SyncLoopOptions = {
  /** One round (sync.ts sendQueue); null when there is nothing to send with (no token). */
  sendRound: () => Promise<SyncRound | null>
  /** Sends a heartbeat; resolves false when the server says the device is no longer enrolled. */
  heartbeat: () => Promise<boolean>
  heartbeatIntervalMs: () => number
  onRevoked: () => void
  /** After every round, to refresh what the screen shows. */
  onRound?: (round: SyncRound | null) => void
  random?: () => number
  /** Where `online` events come from (the window; a test passes its own target). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
}

export class SyncLoop {
  private failures = 0
  private running = false
  private again = false
  private stopped = false
  private roundTimer: ReturnType<typeof setTimeout> | undefined
  private heartbeatTimer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly options: SyncLoopOptions) {}

  private get events() {
    return this.options.events ?? window
  }

  start() {
    this.events.addEventListener('online', this.onOnline)
    this.kick()
  }

  stop() {
    this.stopped = true
    this.events.removeEventListener('online', this.onOnline)
    clearTimeout(this.roundTimer)
    clearTimeout(this.heartbeatTimer)
  }

  /** A round now (or right after the one running). */
  kick() {
    if (this.stopped) return
    if (this.running) {
      this.again = true
      return
    }
    void this.round()
  }

  private readonly onOnline = () => {
    this.failures = 0
    this.kick()
  }

  private async round() {
    this.running = true
    clearTimeout(this.roundTimer)
    let delay = SYNC_INTERVAL_MS
    let round: SyncRound | null = null
    try {
      round = await this.options.sendRound()
      if (round?.result === 'retry') {
        this.failures++
        delay = Math.max(retryDelayMs(this.failures, this.options.random), round.retryAfterMs ?? 0)
      } else {
        this.failures = 0
      }
    } catch (error) {
      // IndexedDB failing (storage evicted, quota): try again later rather than stop for good.
      console.error('kiosk sync failed', error)
      this.failures++
      delay = retryDelayMs(this.failures, this.options.random)
    } finally {
      this.running = false
    }
    this.options.onRound?.(round)
    if (round?.result === 'revoked') return this.revoked()
    if (this.stopped) return
    if (this.again) {
      this.again = false
      this.kick()
    } else {
      this.roundTimer = setTimeout(() => this.kick(), delay)
    }
    await this.beat()
  }

  private async beat() {
    clearTimeout(this.heartbeatTimer)
    if (this.stopped) return
    const enrolled = await this.options.heartbeat().catch(() => true)
    if (!enrolled) return this.revoked()
    if (!this.stopped) this.heartbeatTimer = setTimeout(() => void this.beat(), this.options.heartbeatIntervalMs())
  }

  private revoked() {
    this.stop()
    this.options.onRevoked()
  }
}
