import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { prisma } from '~/db.server'
import type { Role } from '~/generated/prisma/enums'
import { action as publishAction, loader as publishLoader } from '~/routes/admin.open-data'
import { loader as fileLoader } from '~/routes/open-data.$period.$version.$file'
import { loader as listLoader } from '~/routes/open-data._index'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/** What a loader or action threw or returned, as a status and a body. */
async function outcome(run: () => Promise<unknown>) {
  try {
    const result = await run()
    if (result instanceof Response) return { status: result.status, response: result, data: null }
    const init = (result as { init?: { status?: number } | null; data?: unknown; type?: string }) ?? {}
    return init.type === 'DataWithResponseInit'
      ? { status: init.init?.status ?? 200, response: null, data: init.data as Record<string, unknown> }
      : { status: 200, response: null, data: result as Record<string, unknown> }
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown, data: null }
    throw thrown
  }
}

async function post(role: Role, fields: Record<string, string>) {
  const user = await createUser({ role, provinceId: role === 'province_admin' ? provinceId : null })
  const cookie = await sessionCookieFor(user.id)
  const token = (await getCsrfToken(requestWith(cookie, '/admin/open-data'))) ?? ''
  const request = requestWith(cookie, '/admin/open-data', { method: 'POST', body: new URLSearchParams({ ...fields, [CSRF_FIELD]: token }) })
  return outcome(() => publishAction({ request, params: {}, context: {} }))
}

const getFile = (path: string, headers: Record<string, string> = {}) => {
  const [, , period, version, file] = path.split('/')
  return outcome(() => fileLoader({ request: requestWith(null, path, { headers }), params: { period, version, file }, context: {} }))
}

let provinceId: string

beforeAll(async () => {
  const survey = await createSurvey({ provinces: 1, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  provinceId = survey.servicePoints[0]!.provinceId
  const version = survey.versions[0]!
  await storeResponses(
    survey,
    Array.from({ length: 35 }, (_, i) => ({
      version,
      servicePoint: survey.servicePoints[0]!,
      submittedOn: '2025-06-01',
      answers: uniformAnswers(version.definition, i % 3 === 0 ? 2 : 5),
    })),
  )
})

describe('publishing open data', () => {
  test.each(['ministry_analyst', 'province_admin', 'agency_manager'] as const)('a %s may not publish (403) and nothing is stored', async (role) => {
    expect((await post(role, { period: '2025', notes: '', notesEn: '' })).status).toBe(403)
    expect(await prisma.openDataRelease.count()).toBe(0)
  })

  test('the preview lists the files and their rows', async () => {
    const admin = await createUser({ role: 'ministry_admin' })
    const request = requestWith(await sessionCookieFor(admin.id), '/admin/open-data?period=2025')
    const { data } = await outcome(() => publishLoader({ request, params: {}, context: {} }))
    const preview = data!.preview as { version: number; corrects: number | null; refusal: string | null; files: { name: string; rows: number | null }[] }
    expect(preview).toMatchObject({ version: 1, corrects: null, refusal: null })
    expect(preview.files.find((file) => file.name === 'national.csv')?.rows).toBeGreaterThan(0)
    expect(preview.files.map((file) => file.name)).toContain('datapackage.json')
  })

  test('a period that is not a year, quarter or month is refused with 400', async () => {
    const { status, data } = await post('ministry_admin', { period: '2025-01-01..2025-02-01', notes: '', notesEn: '' })
    expect(status).toBe(400)
    expect(data!.fieldErrors).toEqual({ period: { key: 'publish.errors.period' } })
  })

  test('the Ministry administrator publishes version 1, then the same figures again are refused (409)', async () => {
    const first = await post('ministry_admin', { period: '2025', notes: 'Bản đầu tiên.', notesEn: 'First release.' })
    expect(first.status).toBe(302)
    expect(first.response!.headers.get('Location')).toBe('/open-data#period-2025')
    expect(await prisma.openDataRelease.findMany({ select: { period: true, version: true } })).toEqual([{ period: '2025', version: 1 }])
    const again = await post('ministry_admin', { period: '2025', notes: 'Lại.', notesEn: 'Again.' })
    expect(again).toMatchObject({ status: 409, data: { refusal: 'publish.errors.unchanged' } })
    expect(await prisma.openDataRelease.count()).toBe(1)
  })
})

describe('the public open-data pages', () => {
  test('list the releases by period with their files, to anyone', async () => {
    const { status, data } = await outcome(() => listLoader({ request: requestWith(null, '/open-data?lng=en'), params: {}, context: {} }))
    expect(status).toBe(200)
    const periods = data!.periods as { period: string; label: { en: string }; releases: { version: number; notes: { en: string }; files: { name: string; sha256: string }[] }[] }[]
    expect(periods).toHaveLength(1)
    expect(periods[0]).toMatchObject({ period: '2025', label: { en: '2025' }, releases: [{ version: 1, notes: { en: 'First release.' } }] })
    expect(periods[0]!.releases[0]!.files.map((file) => file.name)).toContain('provinces.csv')
  })

  test('serve a file as stored, with its type, its SHA-256 as ETag and a cache for good', async () => {
    const stored = await prisma.openDataFile.findFirstOrThrow({ where: { name: 'provinces.csv' }, select: { sha256: true, bytes: true } })
    const { status, response } = await getFile('/open-data/2025/v1/provinces.csv')
    expect(status).toBe(200)
    const body = Buffer.from(await response!.arrayBuffer())
    expect(createHash('sha256').update(body).digest('hex')).toBe(stored.sha256)
    expect(body.byteLength).toBe(stored.bytes)
    expect(Object.fromEntries(response!.headers)).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      etag: `"${stored.sha256}"`,
      'cache-control': 'public, max-age=31536000, immutable',
    })
    const datapackage = await getFile('/open-data/2025/v1/datapackage.json')
    expect(datapackage.response!.headers.get('content-type')).toBe('application/json')
  })

  test('answer 304 to a cache that holds the file', async () => {
    const stored = await prisma.openDataFile.findFirstOrThrow({ where: { name: 'SHA256SUMS' }, select: { sha256: true } })
    expect((await getFile('/open-data/2025/v1/SHA256SUMS', { 'If-None-Match': `"${stored.sha256}"` })).status).toBe(304)
  })

  test.each(['/open-data/2025/v2/provinces.csv', '/open-data/2024/v1/provinces.csv', '/open-data/2025/1/provinces.csv', '/open-data/2025/v1/nope.csv', '/open-data/x/v1/provinces.csv'])(
    '%s is 404',
    async (path) => {
      expect((await getFile(path)).status).toBe(404)
    },
  )
})
