import { beforeAll, expect, test } from 'vitest'
import { OFFICIAL_BASIS_SETTING_KEY, forgetOfficialBasis } from '~/aggregation/official-basis.server'
import { prisma } from '~/db.server'
import { RESPONSE_MARKS } from '~/quality/flags'
import { createSurvey, storeResponses, uniformAnswers } from '../../test/factories/survey'
import { PACKAGE_FILE, buildReleaseFiles } from './release-files.server'

beforeAll(async () => {
  const survey = await createSurvey({ provinces: 1, agencies: 1, servicePoints: 1, versions: ['sipas-2023'] })
  await storeResponses(
    survey,
    Array.from({ length: 4 }, (_, i) => ({
      version: survey.versions[0]!,
      servicePoint: survey.servicePoints[0]!,
      submittedOn: '2025-05-05',
      flags: i < 3 ? RESPONSE_MARKS.VERIFIED : 0,
      answers: uniformAnswers(survey.versions[0]!.definition, 4),
    })),
  )
})

const descriptorOf = (build: Awaited<ReturnType<typeof buildReleaseFiles>>) =>
  JSON.parse(build.files.find((file) => file.name === PACKAGE_FILE)!.content.toString('utf8'))

test('an open-data release counts what official figures count, and says which in its package and CSV', async () => {
  const all = await buildReleaseFiles('2025')
  expect(descriptorOf(all)).toMatchObject({ responses_counted: 'all' })
  const provinces = all.csv.find((file) => file.name.startsWith('province'))!
  expect(provinces.text.split('\r\n')[0]).toContain('verified_share')

  await prisma.setting.create({ data: { key: OFFICIAL_BASIS_SETTING_KEY, value: { responses: 'verified' } } })
  forgetOfficialBasis()
  try {
    const verified = await buildReleaseFiles('2025')
    expect(descriptorOf(verified)).toMatchObject({ responses_counted: 'verified' })
  } finally {
    await prisma.setting.delete({ where: { key: OFFICIAL_BASIS_SETTING_KEY } })
    forgetOfficialBasis()
  }
})
