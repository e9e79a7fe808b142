import { beforeAll, expect, test } from 'vitest'
import { createRandom } from '../../prisma/seed/random'
import { DONT_KNOW, SCALE_KINDS, allItems } from '~/questionnaire/definition'
import { type Survey, createSurvey, storeResponses } from '../../test/factories/survey'
import { unitFigures } from './figures.server'
import { parsePeriod } from './period'
import { recomputeAll } from './recompute.server'
import { type RawResponse, type ReferenceOptions, UNIT_LEVELS, referenceFigures } from './reference'

/*
 * The linearised intervals of SIPAS and the element indices as the pages read them — pair
 * rollups for whole months, raw pairs for partial months and one channel, the full recompute —
 * equal the reference's, computed from each respondent's z_i (reference.ts), to 1e-9. Weights on
 * (the pairs' Σw²·… sums) and off (their counts, every respondent counting 1 whatever its stored
 * weight), answers left out (don't know, skipped items) and planned-missing items.
 */

const WEIGHTED: ReferenceOptions = { useWeights: true, excludeFlagsMask: 0b1, minN: 0, responses: 'all' }
/** Weights off: the stored weights vary, and every respondent must count 1 (the pairs' counts). */
const UNWEIGHTED: ReferenceOptions = { useWeights: false, excludeFlagsMask: 0, minN: 0, responses: 'all' }

let survey: Survey
type Stored = Awaited<ReturnType<typeof storeResponses>>[number]

/** March: some responses flagged. */
let weighted: Stored[]
/** May: none flagged. Both months' stored weights vary. */
let unflagged: Stored[]

beforeAll(async () => {
  survey = await createSurvey({ provinces: 2, agencies: 1, servicePoints: 2, versions: ['sipas-2023', 'sipas-2023'] })
  const [version, other] = [survey.versions[0]!, survey.versions[1]!]
  const random = createRandom(20_261_207)
  const scaleItems = (definition: typeof version.definition) =>
    allItems(definition).filter((item) => (SCALE_KINDS as readonly string[]).includes(item.kind))
  const specs = (count: number, flagged: boolean, month: number) =>
    Array.from({ length: count }, (_, i) => {
      const chosen = i % 3 === 0 ? other : version
      const mood = random.next()
      const items = scaleItems(chosen.definition)
      // Every fourth respondent skips one half of the items (a planned-missing pattern).
      const skipped = i % 4 === 0 ? items.filter((_, j) => j % 2 === (i % 8 === 0 ? 0 : 1)).map((item) => item.code) : []
      return {
        version: chosen,
        servicePoint: survey.servicePoints[i % survey.servicePoints.length]!,
        submittedOn: `2025-0${month}-${String(1 + (i % 27)).padStart(2, '0')}`,
        channel: i % 2 ? ('phone' as const) : ('kiosk' as const),
        flags: flagged && i % 17 === 0 ? 1 : 0,
        weight: Math.round((0.4 + 2 * random.next()) * 1000) / 1000,
        answers: items
          .filter((item) => !skipped.includes(item.code))
          .map((item) => ({
            itemCode: item.code,
            value: random.next() < 0.05 ? DONT_KNOW : random.next() < 0.3 + 0.6 * mood ? 5 : 1 + Math.floor(random.next() * 3),
          })),
      }
    })
  weighted = await storeResponses(survey, specs(160, true, 3))
  unflagged = await storeResponses(survey, specs(120, false, 5))
})

function expectIntervalsMatch(
  rows: Awaited<ReturnType<typeof unitFigures>>,
  responses: readonly RawResponse[],
  level: (typeof UNIT_LEVELS)[number],
  options: ReferenceOptions,
) {
  const reference = referenceFigures(responses, survey.versions[1]!.definition, options)[level]
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) {
    const expected = reference[row.unitId]!.intervals
    expect(expected.sipas).not.toBeNull()
    expect(row.figures.intervals).toEqual(approximately(expected))
  }
}

test('weighted, over whole months of pair rollups and over raw partial months, at every level', async () => {
  for (const range of ['2025-03', '2025-03-04..2025-03-20']) {
    const period = parsePeriod(range)!
    const inPeriod = weighted.filter((r) => r.submittedOn >= period.from && r.submittedOn <= period.to)
    for (const level of UNIT_LEVELS) {
      expectIntervalsMatch(await unitFigures({ period, level }, WEIGHTED), inPeriod, level, WEIGHTED)
    }
  }
})

test('one channel (raw pairs) and the full recompute give the reference intervals', async () => {
  const period = parsePeriod('2025-03')!
  const phone = weighted.filter((r) => r.channel === 'phone')
  expectIntervalsMatch(await unitFigures({ period, level: 'agency', channel: 'phone' }, WEIGHTED), phone, 'agency', WEIGHTED)
  const all = await recomputeAll(period, WEIGHTED)
  for (const level of UNIT_LEVELS) expectIntervalsMatch(all[level], weighted, level, WEIGHTED)
})

test('weights off, stored weights other than 1: the pair counts give the reference intervals', async () => {
  expect(unflagged.filter((r) => r.weight !== 1).length).toBeGreaterThan(100)
  for (const [range, stored] of [
    ['2025-05', unflagged],
    ['2025-05-03..2025-05-19', unflagged],
    ['2025-03', weighted],
  ] as const) {
    const period = parsePeriod(range)!
    const inPeriod = stored.filter((r) => r.submittedOn >= period.from && r.submittedOn <= period.to)
    for (const level of UNIT_LEVELS) {
      expectIntervalsMatch(await unitFigures({ period, level }, UNWEIGHTED), inPeriod, level, UNWEIGHTED)
    }
  }
  const period = parsePeriod('2025-05')!
  const kiosk = unflagged.filter((r) => r.channel === 'kiosk')
  expectIntervalsMatch(await unitFigures({ period, level: 'province', channel: 'kiosk' }, UNWEIGHTED), kiosk, 'province', UNWEIGHTED)
  const all = await recomputeAll(period, UNWEIGHTED)
  for (const level of UNIT_LEVELS) expectIntervalsMatch(all[level], unflagged, level, UNWEIGHTED)
})

/** Every number replaced by a matcher accepting it to within 1e-9. */
function approximately(value: unknown): unknown {
  if (typeof value === 'number') return expect.closeTo(value, 9)
  if (Array.isArray(value)) return value.map(approximately)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, approximately(entry)]))
  }
  return value
}
