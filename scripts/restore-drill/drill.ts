/*
 * The restore drill (docs/operations.md): point-in-time recovery done for real on throwaway
 * PostgreSQL clusters, and proof that it gives back exactly what was acknowledged.
 *
 * 1. A primary that archives every WAL segment (archive_command) into a folder, migrated, with a
 *    survey world: service points with enrolled kiosks, SIPAS 2023 running today.
 * 2. Submissions through the submission API (answerSubmissionApi, the function the server's
 *    handler answers with, ADR 015), in four phases: before the base backup, during it (an
 *    online backup, as in production), after it, and after the moment T. Each later phase also
 *    re-sends a few earlier submissions (a kiosk's retry: 200, no new row).
 * 3. T is read on the primary's clock once every request of the first three phases has been
 *    answered and before any request of the last one is sent. The rule: a submission
 *    acknowledged before T committed before T and must be restored; one sent after T committed
 *    after T and must not be. (In a real incident a request in flight across T may land on either
 *    side; its kiosk, which got no answer, sends the same id again and gets 201 or 200.) At T the
 *    drill also takes a fingerprint of every Response and Comment row on the primary.
 * 4. The WAL is switched and archived, then the primary is thrown away, data directory and all:
 *    only the base backup and the archive survive.
 * 5. The backup is copied into a new data directory with recovery.signal, restore_command from the
 *    archive, recovery_target_time = T and recovery_target_action = promote, and started on the
 *    primary's address (as one would, so the app servers find it unchanged).
 * 6. Proof: the restored ids are exactly those acknowledged before T (none lost, none from after
 *    T, none doubled), the rows are identical to the primary's at T (fingerprint), and
 *    verifyRollups finds no rollup cell that disagrees with the raw rows (the fold queue restored
 *    with the responses is folded first, as every reader does).
 *
 * App modules read DATABASE_URL when first loaded: the drill sets it to the primary and loads
 * them afterwards, so it must run in a process (or Vitest file) of its own.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { type Cluster, clusterAt, createCluster } from '../infra/postgres-cluster'
import { runPostgresTool, scratchDir, waitFor } from '../infra/processes'
import { createDrillWorld, type DrillWorld, type WorldSubmission } from './world'

export type DrillSizes = {
  /** Submissions before the base backup starts. */
  beforeBackup: number
  /** Submissions sent while pg_basebackup runs. */
  duringBackup: number
  /** Submissions after the backup and before T. */
  afterBackup: number
  /** Submissions after T (none of them may be restored). */
  afterMoment: number
  /** Concurrent callers. */
  clients: number
  servicePoints: number
}

export const FULL_DRILL: DrillSizes = {
  beforeBackup: 6_000,
  duringBackup: 6_000,
  afterBackup: 6_000,
  afterMoment: 4_000,
  clients: 64,
  servicePoints: 50,
}

export type DrillReport = {
  sizes: DrillSizes
  /** T, on the primary's clock. */
  moment: string
  acknowledgedBeforeMoment: number
  acknowledgedAfterMoment: number
  /** Answers 200 (no new row): re-sent submissions, and retries whose first attempt had committed. */
  replays: number
  /** Answers other than 201/200 that were retried (503 while busy, 429). */
  retried: number
  restored: number
  /** Acknowledged before T but not restored. */
  lost: string[]
  /** Sent after T but restored. */
  fromAfterMoment: string[]
  /** Restored ids nobody acknowledged. */
  unknown: string[]
  /** Ids restored more than once (the primary key forbids it; counted, not assumed). */
  duplicated: number
  /** Response and Comment rows identical to the primary's at T. */
  rowsIdentical: boolean
  rollupDifferences: number
  backupBytes: number
  /** Sizes in the restored database (after verifyRollups folded the queue), for docs/operations.md's estimates. */
  storage: Storage
  walSegmentsArchived: number
  /** WAL the primary wrote from the first submission to T, per response acknowledged before T (folds, checkpoints and the backup included). */
  walBytesPerResponse: number
  walSegmentsReplayed: number
  /** What the restored server logged when it stopped replaying. */
  recoveryStop: string | null
  seconds: { total: number; backup: number; restore: number }
  ok: boolean
}

type Storage = {
  /** Response rows: heap (with TOAST) and indexes, in bytes. */
  responseBytes: number
  responseIndexBytes: number
  commentBytes: number
  answerRollupRows: number
  /** Heap and indexes. */
  answerRollupBytes: number
  responseRollupRows: number
  responseRollupBytes: number
}

type Phase = 'beforeBackup' | 'duringBackup' | 'afterBackup' | 'afterMoment'
/** Each phase after the first re-sends this share of earlier submissions, same id and body. */
const REPLAY_SHARE = 0.02
const ARCHIVE_WAIT_MS = 60_000

export async function runRestoreDrill(sizes: DrillSizes, say: (line: string) => void = () => {}): Promise<DrillReport> {
  const started = performance.now()
  const log = (line: string) => say(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}`)
  const archiveDir = scratchDir('sipas-wal-archive')
  const backupRoot = scratchDir('sipas-base-backup')
  const backupDir = join(backupRoot, 'data')
  const clusters: Cluster[] = []
  try {
    const primary = await createCluster({
      name: 'sipas-drill-primary',
      settings: {
        wal_level: 'replica',
        archive_mode: 'on',
        archive_command: `test ! -f ${archiveDir}/%f && cp %p ${archiveDir}/%f`,
        // A quiet primary still ships its WAL within a minute; the drill switches segments itself.
        archive_timeout: 60,
        // The drill proves what the base backup and the archive give back, not that the primary
        // survives a power cut (the fault tests crash it): no fsync, which on a busy disk made
        // migrating the throwaway primary take half a minute.
        fsync: 'off',
      },
    })
    clusters.push(primary)
    await primary.query('CREATE DATABASE sipas')
    const databaseUrl = primary.url('sipas')
    log(`Primary on port ${primary.port}, archiving WAL into ${archiveDir}`)

    const world = await createDrillWorld(databaseUrl, sizes.servicePoints)
    log(`Survey world ready: migrated, ${sizes.servicePoints} service points with a kiosk each, SIPAS 2023 running`)
    const sent = new Map<string, Phase>()
    const acknowledged = new Map<string, Phase>()
    let replays = 0
    let retried = 0
    const history: WorldSubmission[] = []
    async function runPhase(phase: Phase, count: number) {
      const phaseStarted = performance.now()
      const fresh = Array.from({ length: count }, () => world.makeSubmission())
      const again = history.length ? pickSome(history, Math.ceil(count * REPLAY_SHARE)) : []
      for (const submission of fresh) sent.set(submission.id, phase)
      const outcome = await submitAll(world, [...fresh, ...again], sizes.clients)
      for (const submission of fresh) acknowledged.set(submission.id, phase)
      replays += outcome.replays
      retried += outcome.retried
      history.push(...fresh)
      log(`${phase}: ${count} submissions and ${again.length} re-sent, acknowledged in ${((performance.now() - phaseStarted) / 1000).toFixed(1)} s`)
    }

    const walAt = async () => {
      const [row] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
      return row!.lsn
    }
    const walBefore = await walAt()
    await runPhase('beforeBackup', sizes.beforeBackup)
    const backupStarted = performance.now()
    // -X none: the backup carries no WAL of its own; pg_basebackup waits until the segments it
    // needs are archived, so the restore below depends on the archive alone. --no-sync: this
    // copy lives only as long as the drill (a real one is synced, the default), and fsyncing its
    // thousand files took longer than the rest of the backup.
    let backupSeconds = 0
    await Promise.all([
      runPostgresTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', backupDir, '-X', 'none', '-c', 'fast', '--no-sync']).then(() => {
        backupSeconds = (performance.now() - backupStarted) / 1000
        log(`Base backup done in ${backupSeconds.toFixed(1)} s`)
      }),
      runPhase('duringBackup', sizes.duringBackup),
    ])
    await runPhase('afterBackup', sizes.afterBackup)

    // As text, to the microsecond: a Date would cut T to the millisecond and lose what
    // committed in the rest of it.
    const [{ moment }] = (await primary.query<{ moment: string }>(`SELECT clock_timestamp()::text AS moment`)) as [{ moment: string }]
    const atMoment = await fingerprint(primary)
    const [{ walBytes }] = (await primary.query<{ walBytes: number }>(`SELECT pg_wal_lsn_diff($1, $2)::float8 AS "walBytes"`, [await walAt(), walBefore])) as [
      { walBytes: number },
    ]
    log(`T = ${moment} (primary's clock): ${atMoment.responses} responses acknowledged before it`)
    // Nothing sent after T may share T's microsecond on this clock.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await runPhase('afterMoment', sizes.afterMoment)
    await world.settle()
    log('Background folds settled')

    const [{ segment }] = (await primary.query<{ segment: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS segment')) as [{ segment: string }]
    await waitFor(
      `the archiving of WAL segment ${segment}`,
      async () => {
        const [row] = await primary.query<{ last: string | null; failed: number }>(
          'SELECT last_archived_wal AS last, failed_count::int AS failed FROM pg_stat_archiver'
        )
        if (row!.failed > 0) throw new Error(`archive_command failed ${row!.failed} times`)
        return (row!.last ?? '') >= segment
      },
      { timeoutMs: ARCHIVE_WAIT_MS }
    )
    const [{ archived }] = (await primary.query<{ archived: number }>('SELECT archived_count::int AS archived FROM pg_stat_archiver')) as [{ archived: number }]
    // The primary is lost: only the base backup and the archive remain.
    const port = primary.port
    await primary.dispose()
    clusters.splice(clusters.indexOf(primary), 1)
    log(`Primary thrown away after ${archived} WAL segments archived; restoring to T`)

    const restoreStarted = performance.now()
    const restoreRoot = scratchDir('sipas-drill-restored')
    const restoreDir = join(restoreRoot, 'data')
    await runPostgresTool('/bin/cp', ['-a', backupDir, restoreDir])
    await runPostgresTool('/usr/bin/touch', [join(restoreDir, 'recovery.signal')])
    const restored = clusterAt(restoreDir, {
      port,
      root: restoreRoot,
      settings: {
        restore_command: `cp ${archiveDir}/%f %p`,
        recovery_target_time: moment,
        recovery_target_action: 'promote',
        // Each restored segment and where replay stopped are logged at LOG level.
        log_min_messages: 'log',
        // Recovery first syncs the copied data directory: one syncfs, not an fsync per file.
        recovery_init_sync_method: 'syncfs',
      },
    })
    clusters.push(restored)
    await restored.start()
    await waitFor('the end of recovery (pg_is_in_recovery() false)', async () => {
      const [row] = await restored.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering')
      return !row!.recovering
    }, { timeoutMs: 120_000 })
    const restoreSeconds = (performance.now() - restoreStarted) / 1000
    log(`Restored cluster promoted after ${restoreSeconds.toFixed(1)} s`)
    const serverLog = readFileSync(join(restoreRoot, `postgres-${port}.log`), 'utf8')

    const rows = await restored.query<{ id: string; copies: number }>(
      'SELECT id::text, count(*)::int AS copies FROM "Response" GROUP BY id',
      [],
      'sipas'
    )
    const restoredIds = new Set(rows.map((row) => row.id))
    const before = [...acknowledged].filter(([, phase]) => phase !== 'afterMoment').map(([id]) => id)
    const lost = before.filter((id) => !restoredIds.has(id))
    const fromAfterMoment = [...restoredIds].filter((id) => sent.get(id) === 'afterMoment')
    const unknown = [...restoredIds].filter((id) => !sent.has(id))
    const duplicated = rows.filter((row) => row.copies > 1).length
    const afterRestore = await fingerprint(restored)
    // The app's own check, on the restored database (same address as the primary had).
    const { verifyRollups } = await import('~/aggregation/recompute.server')
    const rollups = await verifyRollups()
    const [storage] = await restored.query<Storage>(
      `SELECT pg_table_size('"Response"')::float8 AS "responseBytes", pg_indexes_size('"Response"')::float8 AS "responseIndexBytes",
         pg_total_relation_size('"Comment"')::float8 AS "commentBytes",
         (SELECT count(*)::int FROM "AnswerRollup") AS "answerRollupRows", pg_total_relation_size('"AnswerRollup"')::float8 AS "answerRollupBytes",
         (SELECT count(*)::int FROM "ResponseRollup") AS "responseRollupRows", pg_total_relation_size('"ResponseRollup"')::float8 AS "responseRollupBytes"`,
      [],
      'sipas'
    )
    await world.close()

    const report: DrillReport = {
      sizes,
      moment,
      acknowledgedBeforeMoment: before.length,
      acknowledgedAfterMoment: [...acknowledged.values()].filter((phase) => phase === 'afterMoment').length,
      replays,
      retried,
      restored: restoredIds.size,
      lost,
      fromAfterMoment,
      unknown,
      duplicated,
      rowsIdentical: afterRestore.digest === atMoment.digest,
      rollupDifferences: rollups.differences,
      backupBytes: await directoryBytes(backupDir),
      storage: storage!,
      walSegmentsArchived: archived,
      walBytesPerResponse: walBytes / before.length,
      walSegmentsReplayed: (serverLog.match(/restored log file "[0-9A-F]{24}" from archive/g) ?? []).length,
      recoveryStop: serverLog.match(/recovery stopping [^\n]*/)?.[0] ?? null,
      seconds: { total: (performance.now() - started) / 1000, backup: backupSeconds, restore: restoreSeconds },
      ok: false,
    }
    report.ok =
      lost.length === 0 &&
      fromAfterMoment.length === 0 &&
      unknown.length === 0 &&
      duplicated === 0 &&
      report.restored === report.acknowledgedBeforeMoment &&
      report.rowsIdentical &&
      rollups.ok
    return report
  } finally {
    if (process.env.DRILL_KEEP) log(`Kept ${[archiveDir, backupRoot, ...clusters.map((cluster) => cluster.dataDir)].join(', ')}`)
    else for (const cluster of clusters) await cluster.dispose()
    if (!process.env.DRILL_KEEP) for (const dir of [archiveDir, backupRoot]) await runPostgresTool('/bin/rm', ['-rf', dir]).catch(() => {})
  }
}

/** What the drill found, for a person: the moment, the counts, the proof, the times. */
export function describeDrill(report: DrillReport): string {
  const n = (value: number) => value.toLocaleString('en-US')
  const s = (value: number) => value.toFixed(1)
  const { sizes, storage: st } = report
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
  const list = (ids: string[]) => (ids.length ? ` (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', …' : ''})` : '')
  return [
    `Restore drill — ${report.ok ? 'PASSED' : 'FAILED'}`,
    `Workload: ${n(sizes.beforeBackup)} submissions before the base backup, ${n(sizes.duringBackup)} during it, ${n(sizes.afterBackup)} after it, then T, then ${n(sizes.afterMoment)} more;`,
    `  ${sizes.clients} concurrent callers of the submission API, ${sizes.servicePoints} service points with a kiosk each; ${n(report.retried)} answers of 503/429 retried with the same id;`,
    `  ${n(report.replays)} answered 200 (a re-sent submission, or a retry whose first attempt had committed after all).`,
    `Moment T: ${report.moment} (primary's clock, read between the answers of one phase and the first request of the next).`,
    `Base backup: ${s(report.backupBytes / 1024 / 1024)} MB in ${s(report.seconds.backup)} s (pg_basebackup -X none, online, submissions running).`,
    `WAL: ${n(report.walSegmentsArchived)} segments archived by the primary, ${n(report.walSegmentsReplayed)} restored from the archive and replayed; ${n(Math.round(report.walBytesPerResponse))} bytes of WAL per response before T.`,
    `Recovery: ${report.recoveryStop ?? 'no stop logged'}; promoted after ${s(report.seconds.restore)} s (copy, start, replay).`,
    `Restored: ${n(report.restored)} responses; acknowledged before T: ${n(report.acknowledgedBeforeMoment)}; acknowledged after T: ${n(report.acknowledgedAfterMoment)}.`,
    `  lost ${n(report.lost.length)}${list(report.lost)}, from after T ${n(report.fromAfterMoment.length)}${list(report.fromAfterMoment)}, unknown ${n(report.unknown.length)}${list(report.unknown)}, duplicated ${n(report.duplicated)}.`,
    `  Response and Comment rows ${report.rowsIdentical ? 'identical to' : 'DIFFERENT from'} the primary's at T; verifyRollups: ${n(report.rollupDifferences)} differing cells.`,
    `Restored database: Response ${mb(st.responseBytes)} + indexes ${mb(st.responseIndexBytes)} (${n(Math.round(st.responseBytes / report.restored))} + ${n(Math.round(st.responseIndexBytes / report.restored))} bytes per response), Comment ${mb(st.commentBytes)};`,
    `  AnswerRollup ${n(st.answerRollupRows)} rows, ${mb(st.answerRollupBytes)}; ResponseRollup ${n(st.responseRollupRows)} rows, ${mb(st.responseRollupBytes)} (with indexes).`,
    `Drill time: ${s(report.seconds.total)} s.`,
  ].join('\n')
}

/** Sends every submission until it is acknowledged (201 or 200); 503 and 429 are retried later. */
async function submitAll(world: DrillWorld, queue: WorldSubmission[], clients: number) {
  const pending = [...queue]
  let replays = 0
  let retried = 0
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let submission = pending.shift(); submission; submission = pending.shift()) {
        const status = await world.submit(submission)
        if (status === 200) replays++
        else if (status === 503 || status === 429) {
          retried++
          pending.push(submission)
        } else if (status !== 201) throw new Error(`Submission ${submission.id} answered ${status}`)
      }
    })
  )
  return { replays, retried }
}

/** Count and digest of every Response and Comment row, in id order. */
async function fingerprint(cluster: Cluster): Promise<{ responses: number; digest: string }> {
  const [row] = await cluster.query<{ responses: number; digest: string }>(
    `SELECT (SELECT count(*)::int FROM "Response") AS responses,
       md5((SELECT coalesce(string_agg(r::text, E'\\n' ORDER BY r.id), '') FROM "Response" r)
         || (SELECT coalesce(string_agg(c::text, E'\\n' ORDER BY c."responseId"), '') FROM "Comment" c)) AS digest`,
    [],
    'sipas'
  )
  return row!
}

function pickSome<T>(list: T[], count: number): T[] {
  return Array.from({ length: Math.min(count, list.length) }, (_, i) => list[Math.floor((i * list.length) / count)]!)
}

async function directoryBytes(dir: string): Promise<number> {
  const output = await runPostgresTool('/usr/bin/du', ['-sb', dir])
  return Number(output.split('\t')[0])
}
