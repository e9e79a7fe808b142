import { beforeAll, expect, test } from 'vitest'
import { yearPeriod } from '~/aggregation/period'
import { QUALITY_FLAGS, RESPONSE_MARKS } from '~/quality/flags'
import { type Survey, createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { getAgency, getAgencyFigures } from './agency-dashboard.server'
import { getMinistryOverview } from './ministry-overview.server'

let survey: Survey

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  const version = survey.versions[0]!
  const spec = (servicePoint: Survey['servicePoints'][number], flags: number) => ({
    version,
    servicePoint,
    submittedOn: '2025-06-02',
    flags,
    answers: uniformAnswers(version.definition, 4),
  })
  const [sp0, sp1] = survey.servicePoints
  await storeResponses(survey, [
    // agency 0: two verified, one verified and flagged too fast (left out), three neither
    spec(sp0!, RESPONSE_MARKS.VERIFIED),
    spec(sp0!, RESPONSE_MARKS.VERIFIED),
    spec(sp0!, RESPONSE_MARKS.VERIFIED | QUALITY_FLAGS.TOO_FAST),
    spec(sp0!, 0),
    spec(sp0!, 0),
    spec(sp0!, 0),
    // agency 1: one verified of two
    spec(sp1!, RESPONSE_MARKS.VERIFIED),
    spec(sp1!, 0),
  ])
})

test("the agency dashboard gives the verified count of its n; a verified response is not excluded as flagged", async () => {
  const agency = (await getAgency(survey.servicePoints[0]!.agencyId))!
  const figures = (await getAgencyFigures(agency, yearPeriod(2025), 0))!
  expect(figures.sipas.n).toBe(5)
  expect(figures.verified).toBe(2)
  expect(figures.excluded).toBe(1)
})

test('the Ministry overview gives the verified count of the national n', async () => {
  const overview = await getMinistryOverview(2025, 0)
  expect(overview.national).toMatchObject({ respondents: 7, verified: 3, excluded: 1 })
  const rows = overview.ranking.rows.map((row) => [row.n, row.verified] as const)
  expect([...rows].sort((a, b) => a[0]! - b[0]!)).toEqual([
    [2, 1],
    [5, 2],
  ])
})
