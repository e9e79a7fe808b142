import { afterEach, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { createUser } from '../../test/factories/accounts'
import { testDatabase } from '../../test/database'
import { exportSource } from '../../test/factories/export-tables'
import { removeExportFiles } from './export-files.server'
import { type ExportRunnerOptions, startExportRunner, stopExportRunner } from './export-queue.server'
import { requestExport } from './jobs.server'

/** A small source of rows for the queue to run. */
const threeRows = exportSource([{ code: 'A' }, { code: 'B' }, { code: 'C' }])

afterEach(async () => {
  await stopExportRunner()
})

/** Starts the runner, asks for an export through requestExport, and waits for the job to end. */
async function exportThroughQueue(options: ExportRunnerOptions) {
  await startExportRunner({ ...options, produce: threeRows })
  const analyst = await createUser({ role: 'ministry_analyst' })
  const result = await requestExport(analyst, {
    kind: 'aggregated',
    format: 'csv',
    fields: new URLSearchParams({ period: '2025', level: 'province' }),
    language: 'en',
  })
  if (result.outcome !== 'queued') throw new Error(`not queued: ${JSON.stringify(result)}`)
  const deadline = Date.now() + 60_000
  let job = await prisma.exportJob.findUniqueOrThrow({ where: { id: result.jobId } })
  while ((job.status === 'queued' || job.status === 'running') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    job = await prisma.exportJob.findUniqueOrThrow({ where: { id: result.jobId } })
  }
  await removeExportFiles(job.id, job.format)
  return job
}

describe('the export queue', () => {
  test('the in-process runner runs a requested export to done', async () => {
    expect(await exportThroughQueue({})).toMatchObject({ status: 'done', rowsDone: 3, attempts: 1 })
  })

  test.runIf(process.env.TEST_ENGINE === 'postgres')('on PostgreSQL, a job enqueued through pg-boss is run to done', async () => {
    const url = testDatabase().url
    expect(url).toBeDefined()
    expect(await exportThroughQueue({ databaseUrl: url })).toMatchObject({ status: 'done', rowsDone: 3, attempts: 1 })
    const [queue] = await prisma.$queryRaw<{ name: string }[]>`SELECT name FROM pgboss.queue WHERE name = 'export'`
    expect(queue?.name).toBe('export')
  })
})
