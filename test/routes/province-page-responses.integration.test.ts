import { beforeAll, expect, test } from 'vitest'
import { RESPONSE_MARKS } from '~/quality/flags'
import { loader } from '~/routes/provinces.$provinceId/route'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../factories/survey'

let survey: Survey
let provinceId: string

beforeAll(async () => {
  survey = await createSurvey({ provinces: 1, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  const version = survey.versions[0]!
  const servicePoint = survey.servicePoints[0]!
  provinceId = servicePoint.provinceId
  const spec = (value: number, verified: boolean) => ({
    version,
    servicePoint,
    submittedOn: '2025-06-02',
    flags: verified ? RESPONSE_MARKS.VERIFIED : 0,
    answers: uniformAnswers(version.definition, value),
  })
  await storeResponses(survey, [...Array.from({ length: 3 }, () => spec(5, true)), ...Array.from({ length: 5 }, () => spec(1, false))])
})

async function load(search: string) {
  const request = new Request(`http://localhost/provinces/${provinceId}?${search}`)
  return (await loader({ request, params: { provinceId }, context: {} })) as Exclude<Awaited<ReturnType<typeof loader>>, Response>
}

test("the province page shows all responses by default, with the verified share of n", async () => {
  const page = await load('year=2025')
  expect(page.responses).toBe('all')
  expect(page.breakdown).toMatchObject({ n: 8, verified: 3 })
  expect(page.trend.find((point) => point.year === 2025)).toMatchObject({ n: 8, verified: 3 })
})

test('responses=verified counts the verified responses alone', async () => {
  const page = await load('year=2025&responses=verified')
  expect(page.responses).toBe('verified')
  expect(page.breakdown).toMatchObject({ n: 3, verified: 3 })
})

test('an unknown basis is a 400', async () => {
  await expect(load('year=2025&responses=some')).rejects.toMatchObject({ status: 400 })
})
