import pg from 'pg'
import { db, prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'

/*
 * Caches of database rows that several app servers keep (a kiosk's token, the settings) and
 * whose staleness matters: a change is announced with PostgreSQL NOTIFY in the transaction that
 * makes it, and every server's listener (a pg connection of its own, LISTEN) makes its caches
 * forget the topic. The server that made the change forgets at once, without waiting for its
 * own notice. The bounds are in docs/decisions/023-several-app-servers.md:
 * - with the listener connected: the notice's delivery, milliseconds after the commit;
 * - a notice missed while the listener was disconnected (database restart, network): on
 *   reconnection every cache forgets everything; in between each cache's own TTL still holds,
 *   so a change is never trusted away for longer than that TTL.
 * On PGlite there is one process, so forgetting locally is all there is to do; the notice is
 * sent all the same (one way on both engines) and nobody listens.
 */

const CHANNEL = 'sipas_cache_changes'
/** The longest wait before reconnecting a lost listener; it starts at RECONNECT_FIRST_MS and doubles. */
const RECONNECT_MAX_MS = 5_000
const RECONNECT_FIRST_MS = 100

const forgetters = new Map<string, Set<() => void>>()

/** Calls `forget` whenever `topic` changed, on this server or another. Returns the unsubscribe. */
export function onChange(topic: string, forget: () => void): () => void {
  let set = forgetters.get(topic)
  if (!set) forgetters.set(topic, (set = new Set()))
  set.add(forget)
  return () => set.delete(forget)
}

/** Makes this process's caches of `topic` forget (or of every topic: a reconnected listener). */
function forgetChanged(topic: string | null): void {
  const sets = topic === null ? [...forgetters.values()] : [forgetters.get(topic) ?? new Set<() => void>()]
  for (const set of sets) for (const forget of set) forget()
}

/**
 * Runs `change` and the notice of `topic` in one transaction, so the notice is sent exactly when
 * the change commits, then forgets this process's caches of the topic. Returns what `change` did.
 */
export async function changeAndAnnounce<T>(topic: string, change: Prisma.PrismaPromise<T>): Promise<T> {
  const [result] = await prisma.$transaction([change, prisma.$queryRaw`SELECT pg_notify(${CHANNEL}, ${topic})::text`])
  forgetChanged(topic)
  return result
}

export type ChangeListener = {
  /** Resolves once the first LISTEN is in place (tests wait for it). */
  readonly listening: Promise<void>
  /** Notices received so far (tests). */
  readonly received: number
  stop(): Promise<void>
}

/**
 * Listens for notices on a connection of its own and passes each topic to `forget` (by default
 * this process's caches), reconnecting when the connection is lost; every (re)connection forgets
 * every topic, since notices sent while it was away are lost. PGlite: one process, no listener.
 */
export function startChangeListener(options: { forget?: (topic: string | null) => void } = {}): ChangeListener {
  const forget = options.forget ?? forgetChanged
  const url = db.serverUrl
  let stopped = false
  let client: pg.Client | null = null
  let received = 0
  let markListening: () => void = () => {}
  const listening = new Promise<void>((resolve) => (markListening = resolve))
  if (!url) {
    markListening()
    return { listening, received: 0, stop: async () => {} }
  }

  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())
  const run = async () => {
    let delay = RECONNECT_FIRST_MS
    while (!stopped) {
      const connection = new pg.Client({ connectionString: url, keepAlive: true })
      client = connection
      // Listened to for the connection's whole life: an unheard 'error' would end the process.
      const lost = new Promise<unknown>((resolve) => {
        connection.on('error', resolve)
        connection.on('end', () => resolve('ended'))
      })
      try {
        await connection.connect()
        connection.on('notification', (notice) => {
          received++
          forget(notice.payload ?? null)
        })
        await connection.query(`LISTEN ${CHANNEL}`)
        forget(null)
        delay = RECONNECT_FIRST_MS
        markListening()
        const reason = await lost
        if (!stopped) console.error('change notices: listener connection lost, reconnecting:', String(reason ?? 'ended'))
      } catch (error) {
        if (!stopped) console.error('change notices: listener could not connect:', String(error))
      }
      connection.end().catch(() => {})
      if (!stopped) {
        await wait(delay)
        delay = Math.min(delay * 2, RECONNECT_MAX_MS)
      }
    }
  }
  const running = run()
  return {
    listening,
    get received() {
      return received
    },
    async stop() {
      stopped = true
      await client?.end().catch(() => {})
      await running
    },
  }
}
