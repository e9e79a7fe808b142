import { setTimeout as sleep } from 'node:timers/promises'
import PgBoss from 'pg-boss'
import { prisma } from '~/db.server'
import { type ExportProducer, recoverInterruptedExports, runExport, runNextExport, sweepExpiredExports } from './run-job.server'

/*
 * The export queue (ADR 020, "Background jobs"). On PostgreSQL, pg-boss: its queue 'export'
 * carries ExportJob ids, and any app server's worker may run them. The embedded PGlite cannot
 * host pg-boss (one connection inside this process, no pool for a second client), so there an
 * in-process runner claims queued ExportJob rows one at a time. Both run runExport; the
 * ExportJob row, not the queue, is the job's state, so a job handed out twice runs once.
 *
 * Upkeep runs at start and every minute on both: jobs interrupted by a stopped server are
 * queued again or failed (recoverInterruptedExports), and expired files are deleted.
 *
 * A start that fails (the server started before its database: it answers /readyz 503 meanwhile)
 * is tried again every START_RETRY_MS until it succeeds or the runner is stopped, so the queue
 * runs once the database is up without restarting the server.
 */

const QUEUE = 'export'
/** The in-process runner looks for queued rows this often even when nobody wakes it. */
const IDLE_POLL_MS = 5_000
const UPKEEP_INTERVAL_MS = 60_000
/** pg-boss's own limit on a job; our heartbeat, not this, decides that a job was interrupted. */
const PG_BOSS_EXPIRE_SECONDS = 12 * 60 * 60
const START_RETRY_MS = 5_000

type Runner = {
  /** Hands a queued job to the runner. */
  wake(id: string): Promise<void>
  stop(): Promise<void>
}

declare global {
  // One runner per process, kept across dev-server reloads of the app module.
  var __sipasExportRunner: Runner | undefined
}

export type ExportRunnerOptions = {
  /** A PostgreSQL server's URL: run the queue on pg-boss. Without it, the in-process runner. */
  databaseUrl?: string
  /** Where the rows come from (tests); by default the export module of each job's kind. */
  produce?: ExportProducer
}

/** A start under way (retrying until the database is there), cancelled by stopExportRunner. */
let pendingStart: AbortController | undefined

/**
 * Starts this process's export runner (once; later calls do nothing), trying again every
 * START_RETRY_MS while the start fails; resolves when it runs or was stopped meanwhile.
 */
export async function startExportRunner(options: ExportRunnerOptions = {}): Promise<void> {
  if (globalThis.__sipasExportRunner || pendingStart) return
  const start = (pendingStart = new AbortController())
  try {
    while (!start.signal.aborted) {
      try {
        const runner = await startRunner(options)
        if (start.signal.aborted) await runner.stop()
        else globalThis.__sipasExportRunner = runner
        return
      } catch (error) {
        console.error(`export runner did not start, trying again in ${START_RETRY_MS / 1000} s:`, error instanceof Error ? error.message : error)
      }
      await sleep(START_RETRY_MS, undefined, { signal: start.signal }).catch(() => {})
    }
  } finally {
    pendingStart = undefined
  }
}

async function startRunner(options: ExportRunnerOptions): Promise<Runner> {
  const runner = options.databaseUrl ? await startPgBossRunner(options.databaseUrl, options.produce) : startInProcessRunner(options.produce)
  const upkeep = async () => {
    try {
      const { requeued } = await recoverInterruptedExports()
      for (const id of requeued) await runner.wake(id)
      await sweepExpiredExports()
    } catch (error) {
      console.error('export upkeep failed:', error)
    }
  }
  try {
    // Jobs queued when the last server stopped are handed out again; a claimed one is skipped.
    const queued = await prisma.exportJob.findMany({ where: { status: 'queued' }, select: { id: true }, orderBy: { createdAt: 'asc' } })
    for (const { id } of queued) await runner.wake(id)
  } catch (error) {
    await runner.stop()
    throw error
  }
  await upkeep()
  const timer = setInterval(() => void upkeep(), UPKEEP_INTERVAL_MS)
  timer.unref()
  const stop = runner.stop
  runner.stop = async () => {
    clearInterval(timer)
    await stop()
  }
  return runner
}

/** Hands a newly queued job to this process's runner; without one it waits in the table. */
export async function enqueueExport(id: string): Promise<void> {
  await globalThis.__sipasExportRunner?.wake(id)
}

/** Stops the runner: a running job goes back to the queue, to start again at the next start. */
export async function stopExportRunner(): Promise<void> {
  pendingStart?.abort()
  const runner = globalThis.__sipasExportRunner
  globalThis.__sipasExportRunner = undefined
  await runner?.stop()
}

function startInProcessRunner(produce?: ExportProducer): Runner {
  const stopping = new AbortController()
  // A wake-up while a job runs is kept, so the runner looks again before it sleeps.
  let woken = false
  let wakeUp: () => void = () => {
    woken = true
  }
  const idle = () =>
    new Promise<void>((resolve) => {
      if (woken) return resolve()
      const timer = setTimeout(resolve, IDLE_POLL_MS)
      wakeUp = () => {
        clearTimeout(timer)
        resolve()
      }
    }).finally(() => {
      woken = false
      wakeUp = () => {
        woken = true
      }
    })
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let ran = false
      try {
        ran = await runNextExport({ produce, signal: stopping.signal })
      } catch (error) {
        console.error('export runner:', error)
      }
      if (!ran && !stopping.signal.aborted) await idle()
    }
  })()
  return {
    async wake() {
      wakeUp()
    },
    async stop() {
      stopping.abort(new Error('the server is stopping'))
      wakeUp()
      await loop
    },
  }
}

async function startPgBossRunner(databaseUrl: string, produce?: ExportProducer): Promise<Runner> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2 })
  boss.on('error', (error) => console.error('export queue:', error))
  try {
    await boss.start()
  } catch (error) {
    // Its pool closed, so the next attempt starts afresh.
    await boss.stop({ graceful: false, wait: true }).catch(() => {})
    throw error
  }
  // No retries by pg-boss: a failed export has its reason on the row, and an interrupted one is
  // queued again by recoverInterruptedExports.
  await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 0, expireInSeconds: PG_BOSS_EXPIRE_SECONDS })
  const stopping = new AbortController()
  await boss.work<{ exportJobId: string }>(QUEUE, { batchSize: 1 }, async ([job]) => {
    if (job) await runExport(job.data.exportJobId, { produce, signal: stopping.signal })
  })
  return {
    async wake(id) {
      await boss.send(QUEUE, { exportJobId: id })
    },
    async stop() {
      stopping.abort(new Error('the server is stopping'))
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 })
    },
  }
}
