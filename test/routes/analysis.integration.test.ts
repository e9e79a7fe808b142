import { beforeAll, describe, expect, test } from 'vitest'
import { nationalFigures, unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { loader as pickerLoader } from '~/routes/analysis._index'
import { loader } from '~/routes/analysis.$level.$unitId._index/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * The analysis page on both databases: its gap table is the aggregation module's figures for the
 * same unit and period, and the scope holds (a province administrator analysing another province,
 * or an agency manager a province, gets 403 with the stable code and a message in their language).
 */

let survey: Survey
let provinces: string[]
let cookies: { admin: string; manager: string; analyst: string }
const settings = { minN: 30, excludeFlagsMask: 0, useWeights: false, responses: 'all' as const }

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2017'] })
  const version = survey.versions[0]!
  provinces = survey.servicePoints.map((point) => point.provinceId)
  await storeResponses(
    survey,
    survey.servicePoints.flatMap((servicePoint, p) =>
      Array.from({ length: 40 }, (_, i) => ({
        version,
        servicePoint,
        submittedOn: '2025-05-12',
        answers: uniformAnswers(version.definition, 1 + ((i + p) % 5)),
      })),
    ),
  )
  const admin = await createUser({ role: 'province_admin', provinceId: provinces[0]! })
  const manager = await createUser({ role: 'agency_manager', provinceId: provinces[0]!, agencyId: survey.servicePoints[0]!.agencyId })
  const analyst = await createUser({ role: 'ministry_analyst' })
  cookies = {
    admin: await sessionCookieFor(admin.id),
    manager: await sessionCookieFor(manager.id),
    analyst: await sessionCookieFor(analyst.id),
  }
})

async function analyse(cookie: string, level: string, unitId: string, query = 'period=2025', language?: string) {
  const headers = language ? { 'Accept-Language': language } : undefined
  return loader({ request: requestWith(cookie, `/analysis/${level}/${unitId}?${query}`, { headers }), params: { level, unitId }, context: {} })
}

async function refusal(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  )
  expect(thrown).toBeInstanceOf(Response)
  const response = thrown as Response
  return { status: response.status, code: response.headers.get('X-Error-Code'), message: await response.text() }
}

describe('the analysis page', () => {
  test("a province administrator's gap table equals the aggregation module's figures for the province and period", async () => {
    const page = await analyse(cookies.admin, 'province', provinces[0]!)
    const [row] = await unitFigures({ period: yearPeriod(2025), level: 'province', ids: [provinces[0]!] }, settings)
    const national = await nationalFigures({ period: yearPeriod(2025) }, settings)
    expect(page.analysis.n).toBe(40)
    expect(page.analysis.sipas).toBe(row!.figures.sipas)
    const items = page.analysis.gaps.filter((gap) => gap.kind === 'item')
    expect(items.length).toBeGreaterThan(20)
    for (const gap of items) {
      expect(gap.value).toBe(row!.figures.items[gap.code]!.rate)
      expect([gap.low, gap.high]).toEqual([row!.figures.items[gap.code]!.low, row!.figures.items[gap.code]!.high])
      expect(gap.national).toBeCloseTo(national.national.items[gap.code]!, 10)
    }
    for (const gap of page.analysis.gaps.filter((candidate) => candidate.kind === 'element')) {
      expect(gap.value).toBe(row!.figures.elements[gap.code])
    }
  })

  test('a province administrator analysing another province gets 403 with the stable code, in their language', async () => {
    const vi = await refusal(analyse(cookies.admin, 'province', provinces[1]!))
    expect(vi).toMatchObject({ status: 403, code: 'analysis.out_of_scope', message: 'Bạn không có quyền phân tích đơn vị này.' })
    const en = await refusal(analyse(cookies.admin, 'agency', survey.servicePoints[1]!.agencyId, 'period=2025', 'en'))
    expect(en).toMatchObject({ status: 403, code: 'analysis.out_of_scope', message: 'You may not analyse this unit.' })
  })

  test("an agency manager analyses their agency and its service points, not the province", async () => {
    const point = survey.servicePoints[0]!
    expect((await analyse(cookies.manager, 'agency', point.agencyId)).analysis.n).toBe(40)
    expect((await analyse(cookies.manager, 'servicePoint', point.id)).analysis.n).toBe(40)
    expect(await refusal(analyse(cookies.manager, 'province', provinces[0]!))).toMatchObject({ status: 403, code: 'analysis.out_of_scope' })
  })

  test('the Ministry analyses any province; a bad period is a 400, an unknown level or unit a 404', async () => {
    const page = await analyse(cookies.analyst, 'province', provinces[1]!, 'period=2025&compare=best')
    expect(page.analysis.comparator).toBe('best')
    expect(await refusal(analyse(cookies.analyst, 'province', provinces[1]!, 'period=2025-13'))).toMatchObject({ status: 400 })
    expect(await refusal(analyse(cookies.analyst, 'province', provinces[1]!, 'compare=worst'))).toMatchObject({ status: 400 })
    expect(await refusal(analyse(cookies.analyst, 'ward', provinces[1]!))).toMatchObject({ status: 404 })
    expect(await refusal(analyse(cookies.analyst, 'province', 'nowhere'))).toMatchObject({ status: 404 })
  })
})

describe('choosing what to analyse', () => {
  async function pick(cookie: string, query: string) {
    return pickerLoader({ request: requestWith(cookie, `/analysis?${query}`), params: {}, context: {} })
  }

  test("a province administrator picks among their province, its agencies and service points; a choice opens its page", async () => {
    const page = (await pick(cookies.admin, '')) as unknown as { data: { units: { level: string; id: string }[] } }
    expect(page.data.units.map((unit) => unit.level)).toEqual(['province', 'agency', 'servicePoint'])
    expect(page.data.units[0]!.id).toBe(provinces[0])
    const opened = (await pick(cookies.admin, `unit=province:${provinces[0]}&period=2025-Q2`)) as Response
    expect(opened.status).toBe(302)
    expect(opened.headers.get('Location')).toBe(`/analysis/province/${provinces[0]}?period=2025-Q2`)
  })

  test('a unit outside the scope or a bad period is refused on the form (400)', async () => {
    const outside = (await pick(cookies.admin, `unit=province:${provinces[1]}`)) as unknown as { init: { status: number }; data: { error: string } }
    expect([outside.init.status, outside.data.error]).toEqual([400, 'errors.badUnit'])
    const badPeriod = (await pick(cookies.admin, `unit=province:${provinces[0]}&period=someday`)) as unknown as { init: { status: number }; data: { error: string } }
    expect([badPeriod.init.status, badPeriod.data.error]).toEqual([400, 'errors.badPeriod'])
  })
})
