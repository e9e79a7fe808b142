import { beforeAll, describe, expect, test } from 'vitest'
import { unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { getRanking } from '~/ranking/rankings.server'
import { loader } from '~/routes/analysis.compare/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * The peer comparison on both databases: its figures are the aggregation module's and the
 * ranking's, and a province administrator compares only their own province with others and
 * only their own province's agencies (403 with a stable code otherwise).
 */

let survey: Survey
let provinces: string[]
let cookies: { admin: string; analyst: string }

beforeAll(async () => {
  survey = await createSurvey({ provinces: 3, agencies: 2, servicePoints: 1, versions: ['sipas-2023'] })
  const version = survey.versions[0]!
  provinces = [...new Set(survey.servicePoints.map((point) => point.provinceId))]
  // Each province's respondents: a mix of 5s and 2s in its own proportion, so the ranks differ.
  await storeResponses(
    survey,
    survey.servicePoints.flatMap((servicePoint, at) => {
      const province = provinces.indexOf(servicePoint.provinceId)
      return Array.from({ length: 32 }, (_, i) => ({
        version,
        servicePoint,
        submittedOn: '2025-05-12',
        answers: uniformAnswers(version.definition, i % 4 <= province - (at % 2) ? 2 : 5),
      }))
    }),
  )
  const admin = await createUser({ role: 'province_admin', provinceId: provinces[0]! })
  const analyst = await createUser({ role: 'ministry_analyst' })
  cookies = { admin: await sessionCookieFor(admin.id), analyst: await sessionCookieFor(analyst.id) }
})

/** The page's data and status (a 400 is data with its status: the page shows the form and the message). */
async function compare(cookie: string, query: string) {
  const answer = await loader({ request: requestWith(cookie, `/analysis/compare?${query}`), params: {}, context: {} })
  return { status: answer.init?.status ?? 200, page: answer.data }
}

const units = (ids: readonly string[]) => ids.map((id) => `unit=${id}`).join('&')

describe('provinces side by side', () => {
  test("a province administrator compares their province with a peer: the aggregation module's figures and the ranking's ranks", async () => {
    const { status, page } = await compare(cookies.admin, `level=province&year=2025&${units([provinces[0]!, provinces[2]!])}`)
    expect(status).toBe(200)
    const comparison = page.comparison!
    const figures = await unitFigures({ period: yearPeriod(2025), level: 'province', ids: [provinces[0]!, provinces[2]!] })
    const ranking = await getRanking({ year: 2025, index: 'SIPAS', peerGroup: 'provinces', provinceId: null })
    for (const column of comparison.units) {
      const row = figures.find((candidate) => candidate.unitId === column.id)!
      expect(column.sipas.value).toBe(row.figures.sipas)
      expect(column.sipas.low).toBeLessThanOrEqual(column.sipas.value!)
      for (const element of comparison.elements) expect(column.elements[element.code]!.value).toBe(row.figures.elements[element.code])
      expect(column.standing?.rank).toBe(ranking.rows.find((candidate) => candidate.unitId === column.id)!.rank)
      expect(column.trend.find((point) => point.year === 2025)?.value).toBe(row.figures.sipas)
    }
    expect(comparison.units.map((column) => column.id)).toEqual([provinces[0], provinces[2]])
    expect(comparison.units[0]!.sipas.value!).toBeGreaterThan(comparison.units[1]!.sipas.value!)
    expect(comparison.national?.sipas).not.toBeNull()
  })

  test('comparing two other provinces, or another province’s agencies, is refused with a stable code', async () => {
    const others = compare(cookies.admin, `level=province&year=2025&${units([provinces[1]!, provinces[2]!])}`)
    await expect(others).rejects.toMatchObject({ status: 403 })
    const refused = (await others.catch((response: Response) => response)) as Response
    expect(refused.headers.get('X-Error-Code')).toBe('analysis.out_of_scope')
    const agencies = survey.servicePoints.filter((point) => point.provinceId === provinces[1]).map((point) => point.agencyId)
    await expect(compare(cookies.admin, `level=agency&year=2025&${units(agencies)}`)).rejects.toMatchObject({ status: 403 })
  })

  test('one unit is a 400 with the message, and the form still lists the provinces', async () => {
    const { status, page } = await compare(cookies.admin, `level=province&year=2025&${units([provinces[0]!])}`)
    expect(status).toBe(400)
    expect(page.error).toBe('compare.errors.tooFew')
    expect(page.choices.provinces.map((province) => province.id)).toEqual(expect.arrayContaining(provinces))
  })
})

describe('agencies of one province', () => {
  test('the Ministry compares agencies of any province; its own agencies list for a province administrator', async () => {
    const agencies = survey.servicePoints.filter((point) => point.provinceId === provinces[1]).map((point) => point.agencyId)
    const { status, page } = await compare(cookies.analyst, `level=agency&year=2025&${units(agencies)}`)
    expect(status).toBe(200)
    const figures = await unitFigures({ period: yearPeriod(2025), level: 'agency', ids: agencies })
    for (const column of page.comparison!.units) {
      expect(column.sipas.value).toBe(figures.find((row) => row.unitId === column.id)!.figures.sipas)
      expect(column.standing?.outOf).toBe(2)
    }
    const own = await compare(cookies.admin, 'level=agency&year=2025')
    expect(own.page.choices.agencies.map((agency) => agency.id).sort()).toEqual(
      survey.servicePoints.filter((point) => point.provinceId === provinces[0]).map((point) => point.agencyId).sort(),
    )
  })

  test('agencies of two provinces do not compare (400)', async () => {
    const agencies = [survey.servicePoints[0]!.agencyId, survey.servicePoints[2]!.agencyId]
    const { status, page } = await compare(cookies.analyst, `level=agency&year=2025&${units(agencies)}`)
    expect(status).toBe(400)
    expect(page.error).toBe('compare.errors.oneProvince')
  })
})
