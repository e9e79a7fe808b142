import { describe, expect, test } from 'vitest'
import { CSRF_FIELD } from '~/auth/csrf'
import { getCsrfToken } from '~/auth/csrf.server'
import { getActiveCampaign } from '~/questionnaire/campaigns.server'
import { field } from '~/questionnaire/editor/form'
import { getPublishedVersion } from '~/questionnaire/versions.server'
import { action as campaignsAction } from '~/routes/admin.campaigns._index'
import { loader as distributionFile } from '~/routes/admin.distribution.$code.$file'
import { action as createAction } from '~/routes/admin.questionnaires._index'
import { action as editAction, loader as editLoader } from '~/routes/admin.questionnaires.versions.$versionId._index'
import { action as publishAction } from '~/routes/admin.questionnaires.versions.$versionId.publish'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { createAgency, createProvince, createServicePoint } from '../factories/units'

/*
 * The Ministry administrator's path through the editor, through the route modules themselves:
 * create a draft from the 2023 template, reword an item in both languages, meet the missing
 * translation problem, fix it, publish, start a campaign, and download the poster.
 */

type Args = Parameters<typeof editAction>[0]

async function signedIn(role: 'ministry_admin' | 'province_admin' = 'ministry_admin') {
  const user = await createUser({ role })
  const cookie = await sessionCookieFor(user.id)
  const post = async (path: string, fields: Record<string, string>) => {
    const request = requestWith(cookie, path, { method: 'POST' })
    const body = new FormData()
    body.set(CSRF_FIELD, (await getCsrfToken(request)) ?? '')
    for (const [key, value] of Object.entries(fields)) body.set(key, value)
    return requestWith(cookie, path, { method: 'POST', body })
  }
  return { get: (path: string) => requestWith(cookie, path), post }
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} }) as unknown as Args

async function settle(pending: Promise<unknown>): Promise<Response> {
  const result = await pending.catch((thrown: unknown) => thrown)
  if (result instanceof Response) return result
  // Remix's data() helper returns a wrapper with the payload and init.
  const wrapped = result as { data: unknown; init: ResponseInit | null }
  return Response.json(wrapped.data, wrapped.init ?? {})
}

describe('a Ministry administrator', () => {
  test('creates a draft from the 2023 template, fixes a missing translation and publishes it', async () => {
    const admin = await signedIn()
    const created = await settle(
      createAction(
        args(
          await admin.post('/admin/questionnaires', {
            template: 'sipas-2023',
            slug: `hn-${Date.now()}`,
            title: 'Khảo sát Hà Nội 2026',
            titleEn: 'Hanoi survey 2026',
          }),
        ),
      ),
    )
    expect(created.status).toBe(302)
    const versionId = created.headers.get('Location')!.split('/').pop()!
    const path = `/admin/questionnaires/versions/${versionId}`
    const params = { versionId }

    const loaded = await editLoader(args(admin.get(path), params))
    const access = loaded.version.definition.sections.findIndex((section) => section.code === 'svc.access')
    const seats = field.item(access, 1)
    const reworded = {
      [`${seats}.code`]: 'svc.access.seats',
      [`${seats}.kind`]: 'satisfaction5',
      [`${seats}.required`]: 'on',
      [`${seats}.allowDontKnow`]: 'on',
      [`${seats}.text.vi`]: 'Nơi chờ có đủ ghế ngồi',
      [`${seats}.text.en`]: '',
      [`${seats}.element`]: 'access',
    }
    const missing = await settle( editAction(args(await admin.post(path, { ...reworded, intent: 'save' }), params)))
    const missingBody = (await missing.json()) as { saved: boolean; problems: { code: string }[] }
    expect(missingBody.saved).toBe(true)
    expect(missingBody.problems.map((problem) => problem.code)).toEqual(['publish.missingEnglish'])

    const refused = await settle( publishAction(args(await admin.post(`${path}/publish`, {}), params)))
    expect(refused.status).toBe(409)

    const fixed = await settle(
      editAction(args(await admin.post(path, { ...reworded, [`${seats}.text.en`]: 'Enough chairs while you wait', intent: 'save' }), params)),
    )
    expect(((await fixed.json()) as { problems: unknown[] }).problems).toEqual([])

    const published = await settle( publishAction(args(await admin.post(`${path}/publish`, {}), params)))
    expect(published.status).toBe(302)
    const version = await getPublishedVersion(versionId)
    const seatsItem = version?.definition.sections[access]?.items[1]
    expect(seatsItem?.text).toEqual({ vi: 'Nơi chờ có đủ ghế ngồi', en: 'Enough chairs while you wait' })

    // Editing is over: a save on the published version is refused.
    const late = await settle( editAction(args(await admin.post(path, { ...reworded, intent: 'save' }), params)))
    expect(late.status).toBe(409)
  })

  test('starts a campaign for a service point and downloads its poster with the survey link', async () => {
    const admin = await signedIn()
    const province = await createProvince()
    const servicePoint = await createServicePoint(await createAgency({ provinceId: province.id }))
    const created = await settle(
      createAction(
        args(await admin.post('/admin/questionnaires', { template: 'sipas-2017', slug: `c-${Date.now()}`, title: 'Phiếu', titleEn: 'Form' })),
      ),
    )
    const versionId = created.headers.get('Location')!.split('/').pop()!
    await settle( publishAction(args(await admin.post(`/admin/questionnaires/versions/${versionId}/publish`, {}), { versionId })))

    const campaign = await settle(
      campaignsAction(
        args(
          await admin.post('/admin/campaigns', {
            name: 'Đợt 2026',
            nameEn: 'Round 2026',
            startsOn: '2026-01-01',
            endsOn: '2026-12-31',
            provinceId: province.id,
            versionId,
            servicePointCodes: servicePoint.code,
          }),
        ),
      ),
    )
    expect(campaign.status).toBe(200)
    expect(await getActiveCampaign({ servicePointCode: servicePoint.code }, new Date('2026-06-01T00:00:00Z'))).toMatchObject({
      version: { id: versionId },
    })

    const poster = await distributionFile(
      args(admin.get(`/admin/distribution/${servicePoint.code}/poster.pdf`), { code: servicePoint.code, file: 'poster.pdf' }),
    )
    expect(poster.headers.get('Content-Type')).toBe('application/pdf')
    const pdf = Buffer.from(await poster.arrayBuffer()).toString('latin1')
    expect(pdf).toContain(`/URI (http://localhost/s/${servicePoint.code})`)
  })

  test('is the only role that may edit questionnaires', async () => {
    const provinceAdmin = await signedIn('province_admin')
    const refused = await settle( createAction(args(await provinceAdmin.post('/admin/questionnaires', { template: 'sipas-2023' }))))
    expect(refused.status).toBe(403)
  })
})
