import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { beforeAll, describe, expect, test } from 'vitest'
import { unitFigures } from '~/aggregation/figures.server'
import { yearPeriod } from '~/aggregation/period'
import { loadUnitAnalysis } from '~/analysis/unit-analysis.server'
import { prisma } from '~/db.server'
import { formatPercent } from '~/i18n/format'
import { loader as pdfLoader } from '~/routes/analysis.$level.$unitId_.report[.]pdf'
import { loader as pageLoader } from '~/routes/analysis.$level.$unitId_.report/route'
import { createUser, requestWith, sessionCookieFor } from '../factories/accounts'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

/*
 * The analysis report on both databases: its figures are the aggregation module's, its PDF's text
 * (read back with pdfjs-dist) names the unit and carries the gap rows and the recorded action, in
 * Vietnamese or English; another province's report is refused (403, stable code).
 */

let survey: Survey
let provinces: string[]
let provinceName: string
let cookies: { admin: string; otherAdmin: string }

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  const version = survey.versions[0]!
  provinces = survey.servicePoints.map((point) => point.provinceId)
  await prisma.adminUnit.update({ where: { id: provinces[0]! }, data: { name: 'Tỉnh Bà Rịa - Vũng Tàu' } })
  provinceName = 'Tỉnh Bà Rịa - Vũng Tàu'
  await storeResponses(
    survey,
    survey.servicePoints.flatMap((servicePoint, at) =>
      Array.from({ length: 40 }, (_, i) => ({
        version,
        servicePoint,
        submittedOn: '2025-05-05',
        answers: uniformAnswers(version.definition, i % (3 + at) === 0 ? 2 : 5),
      })),
    ),
  )
  const admin = await createUser({ role: 'province_admin', provinceId: provinces[0]! })
  const otherAdmin = await createUser({ role: 'province_admin', provinceId: provinces[1]! })
  await prisma.improvementAction.create({
    data: {
      id: 'action-report-1',
      provinceId: provinces[0]!,
      basePeriod: '2025',
      targetPeriod: '2026',
      methodologyCode: 'sipas-2023',
      criterionCode: 'access',
      action: 'Kéo dài giờ tiếp nhận hồ sơ',
      owner: 'Trung tâm Phục vụ hành chính công',
      dueOn: new Date('2026-06-30'),
      targetValue: 90,
      baselineValue: 80,
    },
  })
  cookies = { admin: await sessionCookieFor(admin.id), otherAdmin: await sessionCookieFor(otherAdmin.id) }
})

const path = (provinceId: string, file: string, search: string) => `/analysis/province/${provinceId}/${file}?${search}`
const params = (provinceId: string) => ({ level: 'province', unitId: provinceId })

async function pdfText(response: Response): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(await response.arrayBuffer()) }).promise
  const parts: string[] = []
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number)
    parts.push((await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '))
  }
  return parts.join('\n')
}

describe('the analysis report', () => {
  test("the page's figures are the aggregation module's and the analysis' gap rows, most points first", async () => {
    const page = await pageLoader({ request: requestWith(cookies.admin, path(provinces[0]!, 'report', 'period=2025&lang=vi')), params: params(provinces[0]!), context: {} })
    const [figures] = await unitFigures({ period: yearPeriod(2025), level: 'province', ids: [provinces[0]!] })
    const analysis = (await loadUnitAnalysis({ level: 'province', unitId: provinces[0]!, period: yearPeriod(2025), language: 'vi' }))!
    expect(page.model.title).toContain(provinceName)
    expect(page.model.summary).toContain(formatPercent(figures!.figures.sipas, 'vi'))
    expect(page.model.gapTable.rows).toHaveLength(analysis.gaps.length)
    const first = [...analysis.gaps].sort((a, b) => (b.pointsGained ?? -1) - (a.pointsGained ?? -1))[0]!
    expect(page.model.gapTable.rows[0]![1]).toBe(formatPercent(first.value, 'vi'))
    expect(page.model.actionTable.rows[0]![1]).toBe('Kéo dài giờ tiếp nhận hồ sơ')
  })

  test('the PDF names the unit and carries the gap rows and the action, in Vietnamese', async () => {
    const response = await pdfLoader({ request: requestWith(cookies.admin, path(provinces[0]!, 'report.pdf', 'period=2025&lang=vi')), params: params(provinces[0]!), context: {} })
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    const text = await pdfText(response)
    expect(text).toContain(provinceName)
    expect(text).toContain('Tiếp cận dịch vụ')
    expect(text).toContain('Kéo dài giờ tiếp nhận hồ sơ')
    expect(text).toContain('Phương pháp')
  })

  test('in English with a peer province, the comparison is in the PDF too', async () => {
    const response = await pdfLoader({
      request: requestWith(cookies.admin, path(provinces[0]!, 'report.pdf', `period=2025&lang=en&peer=${provinces[1]}`)),
      params: params(provinces[0]!),
      context: {},
    })
    const text = await pdfText(response)
    expect(text).toContain('Comparison with peers, 2025')
    expect(text).toContain('Methodology')
  })

  test("another province's report is refused with the stable code", async () => {
    const refused = await pdfLoader({ request: requestWith(cookies.otherAdmin, path(provinces[0]!, 'report.pdf', 'period=2025')), params: params(provinces[0]!), context: {} }).catch(
      (thrown: Response) => thrown,
    )
    expect(refused.status).toBe(403)
    expect(refused.headers.get('X-Error-Code')).toBe('analysis.out_of_scope')
  })
})
