import { afterAll, describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { removeExportFiles } from '~/export/export-files.server'
import { requestExport } from '~/export/jobs.server'
import { runExport } from '~/export/run-job.server'
import type { Role } from '~/generated/prisma/enums'
import { loader as auditLoader } from '~/routes/admin.audit'
import { loader as downloadLoader } from '~/routes/exports.$id.download'
import { action as exportsAction, loader as exportsLoader } from '~/routes/exports._index/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { exportSource } from '../factories/export-tables'

const twoRows = exportSource([{ code: 'Hà Nội' }, { code: '=1+1' }])

const files: string[] = []
afterAll(async () => {
  for (const id of files) await removeExportFiles(id, 'csv')
})

async function signedIn(role: Role) {
  const user = await createUser({ role })
  return { user, cookie: await sessionCookieFor(user.id) }
}

/** A finished CSV export of a new Ministry analyst. */
async function finishedExport() {
  const owner = await signedIn('ministry_analyst')
  const result = await requestExport(owner.user, {
    kind: 'aggregated',
    format: 'csv',
    fields: new URLSearchParams({ period: '2025', level: 'province' }),
    language: 'vi',
  })
  if (result.outcome !== 'queued') throw new Error('not queued')
  files.push(result.jobId)
  await runExport(result.jobId, { produce: twoRows })
  return { owner, jobId: result.jobId }
}

async function download(cookie: string, jobId: string): Promise<Response> {
  try {
    return (await downloadLoader({ request: requestWith(cookie, `/exports/${jobId}/download`), params: { id: jobId }, context: {} })) as Response
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}

describe('downloading an export', () => {
  test('its owner gets the file as an attachment, never cached, and the download is audited', async () => {
    const { owner, jobId } = await finishedExport()
    const response = await download(owner.cookie, jobId)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="sipas-aggregated-2025-[0-9a-f]{8}\.csv"$/)
    expect(response.headers.get('Cache-Control')).toBe('private, no-store')
    const body = Buffer.from(await response.arrayBuffer())
    expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(body.toString('utf8')).toBe('\uFEFFcode\r\nHà Nội\r\n\'=1+1\r\n')
    expect(Number(response.headers.get('Content-Length'))).toBe(body.length)
    expect(await prisma.auditEvent.count({ where: { action: 'export.downloaded', target: `export:${jobId}`, actorId: owner.user.id } })).toBe(1)
  })

  test('someone else gets 404, and no download is recorded', async () => {
    const { jobId } = await finishedExport()
    const other = await signedIn('ministry_analyst')
    expect((await download(other.cookie, jobId)).status).toBe(404)
    expect(await prisma.auditEvent.count({ where: { action: 'export.downloaded', target: `export:${jobId}` } })).toBe(0)
  })

  test('an expired export is gone: 410 with a message in the user’s language', async () => {
    const { owner, jobId } = await finishedExport()
    await prisma.exportJob.update({ where: { id: jobId }, data: { expiresAt: new Date(Date.now() - 1_000) } })
    const response = await download(owner.cookie, jobId)
    expect(response.status).toBe(410)
    expect(await response.text()).toContain('Tệp xuất này đã hết hạn')
  })
})

describe('the exports page', () => {
  async function post(cookie: string, fields: Record<string, string>) {
    const token = await getCsrfToken(requestWith(cookie, '/exports'))
    const body = new URLSearchParams({ ...fields, [CSRF_FIELD]: token ?? '' })
    try {
      return await exportsAction({ request: requestWith(cookie, '/exports', { method: 'POST', body }), params: {}, context: {} })
    } catch (thrown) {
      return thrown
    }
  }

  test('a posted form queues the export and goes back to the list, which shows it', async () => {
    const { user, cookie } = await signedIn('ministry_admin')
    const answer = (await post(cookie, { kind: 'aggregated', format: 'xlsx', periodKind: 'quarter', year: '2025', quarter: '2', level: 'agency' })) as Response
    expect(answer.status).toBe(302)
    const job = await prisma.exportJob.findFirstOrThrow({ where: { userId: user.id } })
    expect(answer.headers.get('Location')).toBe(`/exports?queued=${job.id}`)
    expect(job).toMatchObject({ kind: 'aggregated', format: 'xlsx', status: 'queued', scopeProvinceId: null })
    expect(job.filters).toMatchObject({ period: '2025-Q2', level: 'agency', language: 'vi' })

    const page = await exportsLoader({ request: requestWith(cookie, '/exports'), params: {}, context: {} })
    expect(page.jobs.map((listed) => listed.id)).toEqual([job.id])
    expect(page.active).toBe(true)
  })

  test('a bad period is refused with a message, nothing queued', async () => {
    const { user, cookie } = await signedIn('ministry_analyst')
    const answer = (await post(cookie, { kind: 'aggregated', format: 'csv', periodKind: 'month', year: '2025', month: '13', level: 'province' })) as {
      init: { status: number }
      data: { fieldErrors: Record<string, { key: string }> }
    }
    expect(answer.init.status).toBe(400)
    expect(answer.data.fieldErrors).toEqual({ period: { key: 'exports:filters.errors.period' } })
    expect(await prisma.exportJob.count({ where: { userId: user.id } })).toBe(0)
  })
})

describe('the audit log', () => {
  async function browse(cookie: string, query = '') {
    try {
      return await auditLoader({ request: requestWith(cookie, `/admin/audit${query}`), params: {}, context: {} })
    } catch (thrown) {
      return thrown
    }
  }

  test('only the Ministry administrator may browse it', async () => {
    for (const role of ['ministry_analyst', 'province_admin', 'agency_manager'] as const) {
      expect(((await browse((await signedIn(role)).cookie)) as Response).status, role).toBe(403)
    }
  })

  test('filters by action and actor, and pages by id', async () => {
    const admin = await signedIn('ministry_admin')
    const actor = await createUser({ role: 'ministry_analyst' })
    for (let n = 0; n < 55; n++) await recordAudit('test.paged', { actorId: actor.id, target: `thing:${n}` })
    await recordAudit('test.other', { actorId: actor.id })

    const first = (await browse(admin.cookie, `?action=test.paged&actor=${encodeURIComponent(actor.email.toUpperCase())}`)) as {
      events: { action: string; target: string; actorEmail: string }[]
      next: string | null
    }
    expect(first.events).toHaveLength(50)
    expect(first.events[0]).toMatchObject({ action: 'test.paged', target: 'thing:54', actorEmail: actor.email })
    expect(first.next).toMatch(/cursor=\d+/)
    const second = (await browse(admin.cookie, first.next!.replace('/admin/audit', ''))) as typeof first
    expect(second.events.map((event) => event.target)).toEqual(['thing:4', 'thing:3', 'thing:2', 'thing:1', 'thing:0'])
    expect(second.next).toBeNull()

    const byTarget = (await browse(admin.cookie, '?target=thing:5')) as typeof first
    expect(byTarget.events.map((event) => event.target).sort()).toEqual(['thing:5', 'thing:50', 'thing:51', 'thing:52', 'thing:53', 'thing:54'])
    const nobody = (await browse(admin.cookie, '?actor=nobody@example.gov.vn')) as typeof first
    expect(nobody.events).toEqual([])
  })

  test('a malformed date is a 400 with a message, not an error', async () => {
    const admin = await signedIn('ministry_admin')
    const answer = (await browse(admin.cookie, '?from=2025-13-45')) as { init: { status: number }; data: { fieldErrors: object } }
    expect(answer.init.status).toBe(400)
    expect(answer.data.fieldErrors).toEqual({ from: { key: 'audit:errors.date' } })
  })
})
