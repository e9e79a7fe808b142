import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { readFigures } from '~/aggregation/figure-reads.server'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { isLanguage, type Language } from '~/i18n/config'
import { aggregatedExport } from './aggregated.server'
import { writeCsv } from './csv'
import { ensureExportDirectory, exportFilePath, partFilePath, removeExportFiles } from './export-files.server'
import { AggregatedFiltersSchema, type ExportFormat, MicrodataFiltersSchema } from './filters'
import { exportRetention } from './export-retention.server'
import { writeJson } from './json'
import { microdataExport, writeMicrodataCsv } from './microdata.server'
import type { ExportMeta, Table } from './table'
import { writeXlsx } from './xlsx'

/*
 * Running one export job (ADR 020, "Background jobs"): the same function whichever queue hands
 * it the job. It claims the row (queued → running), streams the file to disk — rows go from the
 * source through the format's writer into the file, never the whole file in memory — and
 * records the outcome on the row. Progress and a heartbeat are written as it goes, so the
 * exports page can show them and a job whose server died can be told apart from a slow one.
 */

/** Progress is written at most this often. */
const PROGRESS_INTERVAL_MS = 500
/** A running job's heartbeat is written at least this often, even while its source is silent. */
const HEARTBEAT_INTERVAL_MS = 10_000
/** A running job whose heartbeat is older than this was interrupted (its server stopped). */
export const STALE_HEARTBEAT_MS = 60_000
/** A job interrupted this many times is failed rather than started again. */
export const MAX_ATTEMPTS = 2
/** An XLSX sheet holds 1,048,576 rows, one of them the header. */
const MAX_XLSX_ROWS = 1_048_575
const MAX_ERROR_DETAIL = 1_000
const DAY_MS = 86_400_000

/** The stable codes a failed job carries; each has a message in the `exports` namespace. */
export type ExportErrorCode = 'too_large' | 'interrupted' | 'internal'

/** A failure with a code people are told about; any other error fails the job as 'internal'. */
export class ExportJobError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message)
  }
}

const claimedSelect = {
  id: true,
  userId: true,
  kind: true,
  format: true,
  filters: true,
  scopeProvinceId: true,
  attempts: true,
} satisfies Prisma.ExportJobSelect
export type ClaimedJob = Prisma.ExportJobGetPayload<{ select: typeof claimedSelect }>

/**
 * What a job writes: the export's facts and tables, and how many rows to expect (for progress).
 * `csv`, when given, writes the CSV file itself instead of writeCsv of the tables: the
 * microdata's, which PostgreSQL writes at twice the rate (ADR 020, "Microdata").
 */
export type ExportSource = {
  meta: ExportMeta
  tables: Table[]
  rowsExpected: number | null
  csv?: (out: NodeJS.WritableStream, onRows: (n: number) => void) => Promise<number>
}
export type ExportProducer = (job: ClaimedJob) => Promise<ExportSource>

type RunOptions = {
  /** Where the rows come from; by default the export module of the job's kind. */
  produce?: ExportProducer
  /** Aborted when the server stops: the job goes back to the queue, its attempt not counted. */
  signal?: AbortSignal
}

/** Claims a queued job by id (the PostgreSQL queue hands ids); null when it is not queued. */
async function claimExport(id: string): Promise<ClaimedJob | null> {
  const claimed = await prisma.exportJob.updateMany({
    where: { id, status: 'queued' },
    data: { status: 'running', attempts: { increment: 1 }, startedAt: new Date(), heartbeatAt: new Date(), rowsDone: 0 },
  })
  if (claimed.count === 0) return null
  return prisma.exportJob.findUnique({ where: { id }, select: claimedSelect })
}

/**
 * Claims the oldest queued job (the in-process runner). SKIP LOCKED: two runners never claim the
 * same row, and neither waits for the other.
 */
async function claimNextExport(): Promise<ClaimedJob | null> {
  const [row] = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "ExportJob" SET status = 'running', attempts = attempts + 1, "startedAt" = now(), "heartbeatAt" = now(), "rowsDone" = 0
    WHERE id = (SELECT id FROM "ExportJob" WHERE status = 'queued' ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING id`
  return row ? prisma.exportJob.findUnique({ where: { id: row.id }, select: claimedSelect }) : null
}

/** Claims and runs one job by id; returns whether there was one to run. */
export async function runExport(id: string, options: RunOptions = {}): Promise<boolean> {
  const job = await claimExport(id)
  if (job) await runClaimedExport(job, options)
  return job !== null
}

/** Claims and runs the oldest queued job; returns whether there was one. */
export async function runNextExport(options: RunOptions = {}): Promise<boolean> {
  const job = await claimNextExport()
  if (job) await runClaimedExport(job, options)
  return job !== null
}

/** Runs a claimed job to its end: done, failed, or (when the server stops) queued again. */
async function runClaimedExport(job: ClaimedJob, { produce = produceExport, signal }: RunOptions = {}): Promise<void> {
  const format = job.format as ExportFormat
  const progress = progressWriter(job)
  try {
    await ensureExportDirectory()
    // The rows are read as one read-only unit, on the replica when it has caught up (progress
    // and the outcome are written to the primary); if the replica fails half-way, the file is
    // written again from the primary (docs/decisions/024-read-replica.md).
    const written = await readFigures(async () => {
      const source = await produce(job)
      if (format === 'xlsx' && source.rowsExpected !== null && source.rowsExpected > MAX_XLSX_ROWS) {
        throw new ExportJobError('too_large', `${source.rowsExpected} rows do not fit an XLSX sheet (${MAX_XLSX_ROWS})`)
      }
      await progress.expect(source.rowsExpected)
      return writeFile(job, source, progress.onRows, signal)
    })
    await progress.stop()
    await finish(job, written)
  } catch (error) {
    await progress.stop()
    await removeExportFiles(job.id, format)
    if (signal?.aborted) await requeue(job)
    else if (!(error instanceof SupersededError)) await fail(job, error)
  }
}

/** The rows of the job's kind, from the export modules, in the job's scope. */
async function produceExport(job: ClaimedJob): Promise<ExportSource> {
  const scope = { provinceId: job.scopeProvinceId }
  if (job.kind === 'aggregated') {
    const { meta, tables } = await aggregatedExport(AggregatedFiltersSchema.parse(job.filters), scope)
    const counts = tables.map((table) => (Array.isArray(table.rows) ? table.rows.length : null))
    return { meta, tables, rowsExpected: counts.every((n) => n !== null) ? counts.reduce((a, b) => a! + b!, 0) : null }
  }
  if (job.kind === 'microdata') {
    const filters = MicrodataFiltersSchema.parse(job.filters)
    // requestExport refused comments to whoever may not export them.
    const options = { includeComments: filters.includeComments }
    const { meta, tables, rowsExpected } = await microdataExport(filters, scope, options)
    if (job.format !== 'csv') return { meta, tables, rowsExpected }
    // A CSV file holds one table: the responses (the codebook is in the XLSX and JSON files).
    return { meta, tables: tables.slice(0, 1), rowsExpected, csv: (out, onRows) => writeMicrodataCsv(filters, scope, options, out, onRows) }
  }
  throw new ExportJobError('internal', `no export module for the kind '${job.kind}'`)
}

/** The job's row changed under it (the start-up recovery took it back): stop without touching it. */
class SupersededError extends Error {}

/**
 * Writes rowsDone and the heartbeat at most every PROGRESS_INTERVAL_MS as rows are written, and
 * the heartbeat every HEARTBEAT_INTERVAL_MS regardless. Each write is conditional on the row
 * still being this attempt's; when it is not, the next row count throws SupersededError.
 */
function progressWriter(job: ClaimedJob) {
  let lastWrite = 0
  let pending: Promise<void> | null = null
  let superseded = false
  const write = (data: Prisma.ExportJobUpdateManyMutationInput) => {
    pending = prisma.exportJob
      .updateMany({ where: { id: job.id, status: 'running', attempts: job.attempts }, data: { ...data, heartbeatAt: new Date() } })
      .then((updated) => {
        if (updated.count === 0) superseded = true
      })
      .catch(() => undefined)
      .finally(() => {
        pending = null
      })
    return pending
  }
  const heartbeat = setInterval(() => {
    if (!pending) void write({})
  }, HEARTBEAT_INTERVAL_MS)
  heartbeat.unref()
  return {
    expect: (rowsExpected: number | null) => write({ rowsExpected }),
    onRows(rows: number) {
      if (superseded) throw new SupersededError(`export ${job.id} was taken back`)
      const now = Date.now()
      if (pending || now - lastWrite < PROGRESS_INTERVAL_MS) return
      lastWrite = now
      void write({ rowsDone: rows })
    },
    async stop() {
      clearInterval(heartbeat)
      await pending
    },
  }
}

type Written = { rows: number; bytes: number; sha256: string }

/** Streams the source through the format's writer into the job's part file, hashing as it goes. */
async function writeFile(job: ClaimedJob, source: ExportSource, onRows: (n: number) => void, signal?: AbortSignal): Promise<Written> {
  const format = job.format as ExportFormat
  const hash = createHash('sha256')
  let bytes = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      bytes += chunk.length
      callback(null, chunk)
    },
  })
  const saved = pipeline(tap, createWriteStream(partFilePath(job.id, format)), { signal })
  const counted = (n: number) => {
    if (signal?.aborted) throw signal.reason
    onRows(n)
  }
  let rows: number
  try {
    rows = await writeWith(format, source, tap, counted, languageOf(job.filters))
  } catch (error) {
    tap.destroy(error as Error)
    await saved.catch(() => undefined)
    throw error
  }
  await saved
  await rename(partFilePath(job.id, format), exportFilePath(job.id, format))
  return { rows, bytes, sha256: hash.digest('hex') }
}

function writeWith(format: ExportFormat, source: ExportSource, out: NodeJS.WritableStream, onRows: (n: number) => void, language: Language) {
  switch (format) {
    case 'csv':
      return source.csv ? source.csv(out, onRows) : writeCsv(source.tables, out, onRows)
    case 'xlsx':
      return writeXlsx(source.meta, source.tables, out, language, onRows)
    case 'json':
      return writeJson(source.meta, source.tables, out, onRows)
  }
}

function languageOf(filters: Prisma.JsonValue): Language {
  const language = filters && typeof filters === 'object' && !Array.isArray(filters) ? filters.language : null
  return isLanguage(language) ? language : 'vi'
}

/** The name the file is downloaded as: what it holds, for which period, and its id's start. */
function downloadName(job: ClaimedJob): string {
  const filters = job.filters && typeof job.filters === 'object' && !Array.isArray(job.filters) ? job.filters : {}
  const period = typeof filters.period === 'string' ? filters.period.replace('..', '_') : 'export'
  return `sipas-${job.kind}-${period}-${job.id.slice(0, 8)}.${job.format}`.replace(/[^A-Za-z0-9._-]/g, '-')
}

async function finish(job: ClaimedJob, written: Written): Promise<void> {
  const { days } = await exportRetention.get()
  const finishedAt = new Date()
  const fileName = downloadName(job)
  await prisma.$transaction(async (tx) => {
    const done = await tx.exportJob.updateMany({
      where: { id: job.id, status: 'running', attempts: job.attempts },
      data: {
        status: 'done',
        rowsDone: written.rows,
        fileName,
        fileBytes: BigInt(written.bytes),
        sha256: written.sha256,
        heartbeatAt: finishedAt,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + days * DAY_MS),
      },
    })
    if (done.count === 0) throw new SupersededError(`export ${job.id} was taken back`)
    await recordAudit(
      'export.completed',
      { actorId: job.userId, target: `export:${job.id}`, details: { rows: written.rows, bytes: written.bytes, sha256: written.sha256 } },
      tx,
    )
  })
}

async function fail(job: ClaimedJob, error: unknown): Promise<void> {
  const errorCode: ExportErrorCode = error instanceof ExportJobError ? error.code : 'internal'
  const errorDetail = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_DETAIL)
  const failed = await prisma.exportJob.updateMany({
    where: { id: job.id, status: 'running', attempts: job.attempts },
    data: { status: 'failed', errorCode, errorDetail, finishedAt: new Date() },
  })
  if (failed.count > 0) {
    await recordAudit('export.failed', { actorId: job.userId, target: `export:${job.id}`, details: { errorCode } })
  }
}

/** The server is stopping: the job starts again from scratch at the next start, the attempt not counted. */
async function requeue(job: ClaimedJob): Promise<void> {
  await prisma.exportJob.updateMany({
    where: { id: job.id, status: 'running', attempts: job.attempts },
    data: { status: 'queued', attempts: { decrement: 1 }, rowsDone: 0, startedAt: null, heartbeatAt: null },
  })
}

/**
 * Jobs interrupted by a stopped server (running, heartbeat older than STALE_HEARTBEAT_MS): queued
 * again from scratch while they have attempts left, otherwise failed as 'interrupted'; never left
 * running. Returns the ids queued again, for the queue to hand out.
 */
export async function recoverInterruptedExports(now = new Date()): Promise<{ requeued: string[]; failed: number }> {
  const stale = { status: 'running', OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: new Date(now.getTime() - STALE_HEARTBEAT_MS) } }] } satisfies Prisma.ExportJobWhereInput
  const interrupted = await prisma.exportJob.findMany({ where: stale, select: { id: true, format: true, attempts: true } })
  const requeued: string[] = []
  let failed = 0
  for (const job of interrupted) {
    const where = { ...stale, id: job.id, attempts: job.attempts }
    await removeExportFiles(job.id, job.format)
    if (job.attempts < MAX_ATTEMPTS) {
      const updated = await prisma.exportJob.updateMany({ where, data: { status: 'queued', rowsDone: 0, startedAt: null, heartbeatAt: null } })
      if (updated.count > 0) requeued.push(job.id)
    } else {
      const updated = await prisma.exportJob.updateMany({
        where,
        data: { status: 'failed', errorCode: 'interrupted', errorDetail: `interrupted ${job.attempts} times`, finishedAt: now },
      })
      failed += updated.count
    }
  }
  return { requeued, failed }
}

/** Deletes the files of exports past their expiry; their rows stay as the record, 'expired'. */
export async function sweepExpiredExports(now = new Date()): Promise<number> {
  const expired = await prisma.exportJob.findMany({
    where: { status: 'done', expiresAt: { lte: now } },
    select: { id: true, format: true },
  })
  for (const job of expired) {
    await removeExportFiles(job.id, job.format)
    await prisma.exportJob.updateMany({ where: { id: job.id, status: 'done' }, data: { status: 'expired' } })
  }
  return expired.length
}
