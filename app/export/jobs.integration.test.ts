import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { afterAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { createUser } from '../../test/factories/accounts'
import { collector, column, exportSource } from '../../test/factories/export-tables'
import { createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { createProvince } from '../../test/factories/units'
import { exportFilePath, removeExportFiles } from './export-files.server'
import { exportRetention } from './export-retention.server'
import { getExportDownload, requestExport } from './jobs.server'
import { writeMicrodataCsv } from './microdata.server'
import {
  ExportJobError,
  type ExportProducer,
  MAX_ATTEMPTS,
  recoverInterruptedExports,
  runExport,
  runNextExport,
  STALE_HEARTBEAT_MS,
  sweepExpiredExports,
} from './run-job.server'
import type { Row } from './table'

/** A source of `count` rows that pauses every `every` rows, so a job takes a while. */
function countingSource(count: number, { every = 1_000, pauseMs = 0 } = {}): ExportProducer {
  async function* rows(): AsyncGenerator<Row> {
    for (let n = 1; n <= count; n++) {
      if (pauseMs > 0 && n % every === 0) await new Promise((resolve) => setTimeout(resolve, pauseMs))
      yield { code: `U${n}`, n }
    }
  }
  return exportSource(rows, { columns: [column('code', 'string'), column('n', 'integer')], rowsExpected: count })
}

const created: { id: string; format: string }[] = []
afterAll(async () => {
  for (const job of created) await removeExportFiles(job.id, job.format)
})

async function exporter(role: Role = 'ministry_analyst', provinceId: string | null = null) {
  const user = await createUser({ role, provinceId })
  return { id: user.id, role: user.role, provinceId: user.provinceId, agencyId: user.agencyId }
}

async function requestAggregated(actor: Awaited<ReturnType<typeof exporter>>, fields: Record<string, string> = {}, format = 'csv') {
  const result = await requestExport(actor, {
    kind: 'aggregated',
    format,
    fields: new URLSearchParams({ period: '2025', level: 'province', ...fields }),
    language: 'vi',
  })
  if (result.outcome === 'queued') created.push({ id: result.jobId, format })
  return result
}

async function queuedJob(format = 'csv') {
  const actor = await exporter()
  const result = await requestAggregated(actor, {}, format)
  if (result.outcome !== 'queued') throw new Error(`not queued: ${JSON.stringify(result)}`)
  return { actor, jobId: result.jobId }
}

const auditActions = async (jobId: string) =>
  (await prisma.auditEvent.findMany({ where: { target: `export:${jobId}` }, orderBy: { id: 'asc' }, select: { action: true } })).map(
    (event) => event.action,
  )

describe('asking for an export', () => {
  test.each<Role>(['agency_manager', 'agency_viewer', 'clerk'])('a %s may not export: forbidden, nothing created', async (role) => {
    const province = await createProvince()
    const actor = await exporter(role, province.id)
    const [jobs, events] = [await prisma.exportJob.count(), await prisma.auditEvent.count()]
    expect(await requestAggregated(actor)).toEqual({ outcome: 'forbidden' })
    expect(await prisma.exportJob.count()).toBe(jobs)
    expect(await prisma.auditEvent.count()).toBe(events)
  })

  test('a province administrator exports their own province, never another', async () => {
    const [own, other] = [await createProvince(), await createProvince()]
    const actor = await exporter('province_admin', own.id)
    const jobs = await prisma.exportJob.count()
    expect(await requestAggregated(actor, { provinceId: other.id })).toEqual({ outcome: 'forbidden' })
    expect(await prisma.exportJob.count()).toBe(jobs)

    const result = await requestAggregated(actor)
    expect(result.outcome).toBe('queued')
    const job = await prisma.exportJob.findUniqueOrThrow({ where: { id: (result as { jobId: string }).jobId } })
    expect(job.scopeProvinceId).toBe(own.id)
    expect(job.filters).toMatchObject({ provinceId: own.id, period: '2025', level: 'province' })
  })

  test('microdata is the Ministry’s, and its comments the Ministry administrator’s', async () => {
    const province = await createProvince()
    const microdata = (includeComments: boolean) => ({
      kind: 'microdata',
      format: 'csv',
      fields: new URLSearchParams({ period: '2025', ...(includeComments ? { includeComments: 'on' } : {}) }),
      language: 'en' as const,
    })
    expect(await requestExport(await exporter('province_admin', province.id), microdata(false))).toEqual({ outcome: 'forbidden' })
    expect(await requestExport(await exporter('ministry_analyst'), microdata(true))).toEqual({ outcome: 'forbidden' })
    const allowed = await requestExport(await exporter('ministry_admin'), microdata(true))
    expect(allowed.outcome).toBe('queued')
    if (allowed.outcome === 'queued') created.push({ id: allowed.jobId, format: 'csv' })
  })

  test('bad filters, kind or format: a message per field, nothing created', async () => {
    const actor = await exporter()
    const jobs = await prisma.exportJob.count()
    const result = await requestExport(actor, {
      kind: 'pie',
      format: 'pdf',
      fields: new URLSearchParams({ period: '2025-Q7', level: 'planet' }),
      language: 'vi',
    })
    expect(result).toEqual({
      outcome: 'invalid',
      fieldErrors: {
        kind: { key: 'exports:jobs.errors.kind' },
        format: { key: 'exports:jobs.errors.format' },
        period: { key: 'exports:filters.errors.period' },
        level: { key: 'exports:filters.errors.level' },
      },
    })
    expect(await requestAggregated(actor, { provinceId: 'no-such-province' })).toEqual({
      outcome: 'invalid',
      fieldErrors: { provinceId: { key: 'exports:filters.errors.province' } },
    })
    expect(await prisma.exportJob.count()).toBe(jobs)
  })
})

describe('running an export', () => {
  test('writes the file with its hash, shows progress as it goes, and audits request, completion and download', async () => {
    const { actor, jobId } = await queuedJob()
    const seen: number[] = []
    const running = runExport(jobId, { produce: countingSource(6_000, { every: 500, pauseMs: 250 }) })
    let settled = false
    void running.finally(() => (settled = true))
    while (!settled) {
      const { rowsDone } = await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId }, select: { rowsDone: true } })
      if (seen.at(-1) !== rowsDone) seen.push(rowsDone)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(await running).toBe(true)

    const job = await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })
    expect(job).toMatchObject({ status: 'done', rowsDone: 6_000, rowsExpected: 6_000, attempts: 1, errorCode: null })
    // Progress grew in steps while the job ran.
    const during = seen.filter((n) => n > 0 && n < 6_000)
    expect(during.length).toBeGreaterThan(0)
    expect(during).toEqual([...during].sort((a, b) => a - b))

    const file = readFileSync(exportFilePath(jobId, 'csv'))
    expect(Number(job.fileBytes)).toBe(file.length)
    expect(job.sha256).toBe(createHash('sha256').update(file).digest('hex'))
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(file.toString('utf8').split('\r\n')[0]).toBe('\uFEFFcode,n')
    expect(job.fileName).toMatch(/^sipas-aggregated-2025-[0-9a-f]{8}\.csv$/)
    const { days } = await exportRetention.get()
    expect(job.expiresAt!.getTime() - job.finishedAt!.getTime()).toBe(days * 86_400_000)

    expect(await getExportDownload(actor, jobId)).toMatchObject({ outcome: 'file', format: 'csv', fileBytes: file.length })
    expect(await auditActions(jobId)).toEqual(['export.requested', 'export.completed', 'export.downloaded'])
    const completed = await prisma.auditEvent.findFirstOrThrow({ where: { target: `export:${jobId}`, action: 'export.completed' } })
    expect(completed.details).toMatchObject({ rows: 6_000 })
  })

  test('a job that breaks is failed with a stable code and no file is left', async () => {
    const { jobId } = await queuedJob()
    await runExport(jobId, {
      produce: async () => {
        throw new Error('the database went away')
      },
    })
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
      status: 'failed',
      errorCode: 'internal',
      errorDetail: 'the database went away',
    })

    const tooLarge = await queuedJob()
    await runExport(tooLarge.jobId, {
      produce: async () => {
        throw new ExportJobError('too_large', 'too many rows')
      },
    })
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id: tooLarge.jobId } })).toMatchObject({ status: 'failed', errorCode: 'too_large' })
    expect(existsSync(exportFilePath(tooLarge.jobId, 'csv'))).toBe(false)
  })

  test('a job stopped with the server goes back to the queue without using an attempt', async () => {
    const { jobId } = await queuedJob()
    const stopping = new AbortController()
    const running = runExport(jobId, { produce: countingSource(20_000, { every: 1_000, pauseMs: 50 }), signal: stopping.signal })
    await new Promise((resolve) => setTimeout(resolve, 200))
    stopping.abort(new Error('the server is stopping'))
    await running
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: 'queued', attempts: 0, rowsDone: 0 })
  })
})

describe('a microdata CSV job', () => {
  test('writes what writeMicrodataCsv writes (PostgreSQL\'s own CSV on PostgreSQL), its rows counted', async () => {
    const survey = await createSurvey({ provinces: 1, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
    const version = survey.versions[0]!
    await storeResponses(
      survey,
      [5, 4, 2].map((value, i) => ({ version, servicePoint: survey.servicePoints[0]!, submittedOn: `2025-0${i + 1}-10`, answers: uniformAnswers(version.definition, value) })),
    )
    const requested = await requestExport(await exporter('ministry_admin'), {
      kind: 'microdata',
      format: 'csv',
      fields: new URLSearchParams({ period: '2025' }),
      language: 'vi',
    })
    if (requested.outcome !== 'queued') throw new Error(`not queued: ${JSON.stringify(requested)}`)
    created.push({ id: requested.jobId, format: 'csv' })

    await runExport(requested.jobId)
    const job = await prisma.exportJob.findUniqueOrThrow({ where: { id: requested.jobId } })
    expect(job).toMatchObject({ status: 'done', rowsDone: 3, rowsExpected: 3 })
    const expected = collector()
    await writeMicrodataCsv({ period: '2025', includeComments: false }, { provinceId: null }, { includeComments: false }, expected.stream)
    expect(readFileSync(exportFilePath(job.id, 'csv'))).toEqual(await expected.done)
  })
})

describe('after a restart', () => {
  const interrupt = (jobId: string, attempts: number) =>
    prisma.exportJob.update({
      where: { id: jobId },
      data: { status: 'running', attempts, rowsDone: 1_234, heartbeatAt: new Date(Date.now() - STALE_HEARTBEAT_MS - 1_000) },
    })

  test('an interrupted job is queued again and then completes', async () => {
    const { jobId } = await queuedJob()
    await interrupt(jobId, 1)
    const { requeued } = await recoverInterruptedExports()
    expect(requeued).toContain(jobId)
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: 'queued', rowsDone: 0 })
    // Earlier tests may have left other queued jobs: run until this one is done.
    while (await runNextExport({ produce: countingSource(10) })) {
      if ((await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).status === 'done') break
    }
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: 'done', attempts: 2, rowsDone: 10 })
  })

  test('a job interrupted on its last attempt is failed as interrupted, never left running', async () => {
    const { jobId } = await queuedJob()
    await interrupt(jobId, MAX_ATTEMPTS)
    const { requeued, failed } = await recoverInterruptedExports()
    expect(requeued).not.toContain(jobId)
    expect(failed).toBeGreaterThanOrEqual(1)
    expect(await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: 'failed', errorCode: 'interrupted' })
  })

  test('a running job with a fresh heartbeat is left to its server', async () => {
    const { jobId } = await queuedJob()
    await prisma.exportJob.update({ where: { id: jobId }, data: { status: 'running', attempts: 1, heartbeatAt: new Date() } })
    expect((await recoverInterruptedExports()).requeued).not.toContain(jobId)
    expect((await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('running')
  })
})

describe('expiry', () => {
  test('the sweep deletes expired files and marks their jobs expired; their download is gone', async () => {
    const { actor, jobId } = await queuedJob()
    await runExport(jobId, { produce: countingSource(5) })
    expect(existsSync(exportFilePath(jobId, 'csv'))).toBe(true)
    const { expiresAt } = await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })

    await sweepExpiredExports(new Date(expiresAt!.getTime() - 1_000))
    expect((await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('done')
    expect(await getExportDownload(actor, jobId, new Date(expiresAt!.getTime() + 1))).toEqual({ outcome: 'expired' })
    expect(await sweepExpiredExports(new Date(expiresAt!.getTime() + 1))).toBeGreaterThanOrEqual(1)
    expect(existsSync(exportFilePath(jobId, 'csv'))).toBe(false)
    expect((await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe('expired')
    expect(await getExportDownload(actor, jobId)).toEqual({ outcome: 'expired' })
  })

  test('another user’s export is not found; the Ministry administrator may fetch it', async () => {
    const { jobId } = await queuedJob()
    await runExport(jobId, { produce: countingSource(5) })
    expect(await getExportDownload(await exporter('ministry_analyst'), jobId)).toEqual({ outcome: 'not_found' })
    expect((await getExportDownload(await exporter('ministry_admin'), jobId)).outcome).toBe('file')
  })
})
