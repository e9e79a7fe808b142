import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { unitFigures } from '~/aggregation/figures.server'
import { parsePeriod } from '~/aggregation/period'
import { type RawResponse, referenceFigures } from '~/aggregation/reference'
import { prisma } from '~/db.server'
import { askedDefinition, askedFormBlock } from '~/questionnaire/asked-form'
import { CampaignError, setShortFormChannels } from '~/questionnaire/campaigns.server'
import { visibleItems } from '~/questionnaire/conditions'
import { allItems, type Definition } from '~/questionnaire/definition'
import { askedItemCodes, formBlockFor } from '~/questionnaire/short-form'
import { proposeShortForm } from '~/questionnaire/short-form-design'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { answerConfig } from '~/kiosk/kiosk-api.server'
import type { KioskConfig } from '~/kiosk-app/kiosk-config'
import { sessionForm } from '~/kiosk-app/session-form'
import { createEnrolledKiosk } from './factories/kiosks'
import { createSurveyPoint, storedCounts } from './factories/submissions'
import type { SubmittedAnswers } from '~/responses/answers'
import { SubmissionError } from '~/responses/errors'
import { type SubmissionContext, submitResponse } from '~/responses/submit.server'
import { forgetSubmissionTargets } from '~/responses/target.server'
import { vietnamDay } from '~/responses/vietnam-time'

/*
 * A short-form campaign end to end through the submission module (docs/decisions/027-short-forms.md):
 * phone answers drawn to blocks by their ids, paper sheets keyed with their printed block; each
 * stored with its block, the figures those responses give equal to the reference implementation's,
 * and an answer to an item not asked refused with nothing written.
 */

const BLOCKS = 3
const definition: Definition = { ...sipas2023, shortForm: proposeShortForm(sipas2023, BLOCKS) }
// The deadline is for a database that is down, not for a cold start on a busy test machine.
const phone = (): SubmissionContext => ({ channel: 'phone', language: 'vi', deadline: Date.now() + 60_000 })
const paper = (): SubmissionContext => ({ channel: 'paper', language: 'vi', deadline: Date.now() + 60_000 })

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
let point: Point

beforeAll(async () => {
  point = await createSurveyPoint({ definition })
  await setShortFormChannels(point.campaignId, ['phone', 'paper'])
  forgetSubmissionTargets()
})

/** A complete answer to every item `asked` shows, in questionnaire order, scale answers from `seed`. */
function answersTo(asked: Definition, seed: number): SubmittedAnswers {
  const answers: SubmittedAnswers = {}
  const lookup = { get: (code: string) => codedOf(answers[code]) }
  for (const item of allItems(asked)) {
    if (!visibleItems(asked, lookup).some((shown) => shown.code === item.code)) continue
    if (item.code === asked.screening.item) answers[item.code] = asked.screening.eligible[0]!
    else if (item.kind === 'satisfaction5' || item.kind === 'agreement5') answers[item.code] = 1 + ((seed + item.code.length) % 5)
    else if (item.kind === 'multiSelect') answers[item.code] = [item.options![0]!.value]
    else if (item.kind === 'number') answers[item.code] = item.min ?? 1
    else if (item.kind !== 'text') answers[item.code] = item.options![seed % item.options!.length]!.value
  }
  return answers
}

function codedOf(value: SubmittedAnswers[string] | undefined): readonly number[] | undefined {
  return typeof value === 'number' ? [value] : Array.isArray(value) ? value : undefined
}

function phoneEnvelope(seed: number, id = randomUUID()) {
  const block = askedFormBlock(definition, ['phone'], 'phone', id)!
  return { id, block, body: { id, versionId: point.versionId, servicePointCode: point.servicePoint.code, channel: 'phone' as const, answers: answersTo(askedDefinition(definition, block), seed) } }
}

function paperEnvelope(block: number, seed: number) {
  const id = randomUUID()
  return { id, body: { id, versionId: point.versionId, servicePointCode: point.servicePoint.code, answers: answersTo(askedDefinition(definition, block), seed) } }
}

async function refusal(body: unknown, context: SubmissionContext) {
  try {
    await submitResponse(body, context)
  } catch (error) {
    if (error instanceof SubmissionError) return { status: error.status, code: error.code, params: error.params }
    throw error
  }
  throw new Error('expected the submission to be refused')
}

/** The stored responses of the test's service point, as the reference implementation reads them. */
async function storedRawResponses(): Promise<RawResponse[]> {
  const codes = new Map(
    (await prisma.item.findMany({ where: { versionId: point.versionId }, select: { id: true, code: true } })).map((item) => [item.id, item.code]),
  )
  const rows = await prisma.response.findMany({
    where: { servicePointId: point.servicePoint.id },
    select: { id: true, flags: true, weight: true, answerItemIds: true, answerValues: true, servicePointId: true, agencyId: true, provinceId: true },
  })
  return rows.map((row) => ({
    id: row.id,
    unitKeys: { servicePoint: row.servicePointId, agency: row.agencyId, province: row.provinceId },
    flags: row.flags,
    weight: row.weight,
    answers: row.answerItemIds.map((itemId, i) => ({ itemCode: codes.get(itemId)!, value: row.answerValues[i]! })),
  }))
}

describe('a short-form campaign', () => {
  test('phone responses answer the block drawn from their id, and it is stored with them', async () => {
    const sent = Array.from({ length: 24 }, (_, i) => phoneEnvelope(i))
    for (const { body } of sent) expect((await submitResponse(body, phone())).status).toBe(201)
    const stored = await prisma.response.findMany({ where: { id: { in: sent.map((s) => s.id) } }, select: { id: true, formBlock: true, channel: true } })
    expect(stored).toHaveLength(sent.length)
    for (const row of stored) {
      expect(row.channel).toBe('phone')
      expect(row.formBlock).toBe(formBlockFor(row.id, BLOCKS))
    }
    // every block was drawn (24 ids over 3 blocks)
    expect(new Set(stored.map((row) => row.formBlock))).toEqual(new Set([0, 1, 2]))
  })

  test('paper sheets are stored with the block keyed from the sheet', async () => {
    for (const block of [0, 1, 2, 2]) {
      const { id, body } = paperEnvelope(block, block + 7)
      const code = definition.shortForm!.blocks[block]!.code
      expect((await submitResponse(body, { ...paper(), paperFormBlock: code })).status).toBe(201)
      expect((await prisma.response.findUniqueOrThrow({ where: { id }, select: { formBlock: true } })).formBlock).toBe(block)
    }
  })

  test('a channel the campaign keeps on the full form answers the full form (formBlock null)', async () => {
    const id = randomUUID()
    const answers = answersTo(definition, 3)
    const body = { id, versionId: point.versionId, servicePointCode: point.servicePoint.code, channel: 'web' as const, answers }
    expect((await submitResponse(body, { channel: 'web', language: 'en', deadline: Date.now() + 60_000 })).status).toBe(201)
    expect((await prisma.response.findUniqueOrThrow({ where: { id }, select: { formBlock: true } })).formBlock).toBeNull()
  })

  test('the figures of short-form responses equal the reference implementation', async () => {
    const period = parsePeriod(vietnamDay(new Date()).slice(0, 7))!
    const [row] = await unitFigures({ period, level: 'servicePoint', ids: [point.servicePoint.id] }, { minN: 0, excludeFlagsMask: 0, useWeights: false })
    const reference = referenceFigures(await storedRawResponses(), definition, { minN: 0, excludeFlagsMask: 0, useWeights: false })
    expect(row!.figures.n).toBe(29)
    // The index intervals come from the respondents' answer pairs, which the reference reads
    // differently; they have tests of their own (app/aggregation/index-variance.test.ts).
    const { intervals: _intervals, ...figures } = row!.figures
    const { intervals: _referenceIntervals, ...expected } = reference.servicePoint[point.servicePoint.id]!
    expect(figures).toEqual(approximately(expected))
    // an item of one block is rated by the respondents given that block only, not by all of them
    const blockItem = definition.shortForm!.blocks[0]!.items.find((code) => allItems(definition).find((item) => item.code === code)?.kind === 'satisfaction5')!
    const rated = row!.figures.items[blockItem]!.n
    expect(rated).toBeGreaterThan(0)
    expect(rated).toBeLessThan(29)
  })

  test('an answer to an item the block does not ask is refused (422) and nothing is written', async () => {
    const before = await storedCounts()
    const { block, body } = phoneEnvelope(1)
    const outside = definition.shortForm!.blocks[(block + 1) % BLOCKS]!.items[0]!
    const extra = answersTo(definition, 1)[outside] ?? 3
    expect(await refusal({ ...body, answers: { ...body.answers, [outside]: extra } }, phone())).toEqual({
      status: 422,
      code: 'item_not_asked',
      params: { itemCode: outside, block: definition.shortForm!.blocks[block]!.code },
    })
    const sheet = paperEnvelope(0, 2)
    const notOnSheet = definition.shortForm!.blocks[1]!.items[0]!
    expect(
      await refusal({ ...sheet.body, answers: { ...sheet.body.answers, [notOnSheet]: answersTo(definition, 2)[notOnSheet] ?? 3 } }, { ...paper(), paperFormBlock: definition.shortForm!.blocks[0]!.code }),
    ).toMatchObject({ status: 422, code: 'item_not_asked', params: { itemCode: notOnSheet } })
    expect(await storedCounts()).toEqual(before)
  })

  test('a paper sheet of a short-form campaign must carry one of the version\'s blocks', async () => {
    const before = await storedCounts()
    expect(await refusal(paperEnvelope(0, 1).body, paper())).toMatchObject({ status: 422, code: 'form_block_required' })
    expect(await refusal(paperEnvelope(0, 1).body, { ...paper(), paperFormBlock: 'ZZ' })).toMatchObject({
      status: 422,
      code: 'unknown_form_block',
      params: { block: 'ZZ' },
    })
    expect(await storedCounts()).toEqual(before)
  })

  test('the short form is only offered for a version that has one', async () => {
    const plain = await createSurveyPoint()
    await expect(setShortFormChannels(plain.campaignId, ['phone'])).rejects.toThrow(new CampaignError('campaigns.errors.noShortForm'))
    expect(await setShortFormChannels(plain.campaignId, [])).toEqual({ campaignId: plain.campaignId, shortFormChannels: [] })
    await expect(setShortFormChannels(point.campaignId, ['kiosk'], { provinceId: 'elsewhere' })).rejects.toThrow(
      new CampaignError('campaigns.errors.unknownCampaign'),
    )
  })
})

describe('a kiosk of a campaign asking kiosks the short form', () => {
  test('its configuration says so, it draws core + block offline, and the submission stores that block', async () => {
    const kioskPoint = await createSurveyPoint({ definition })
    await setShortFormChannels(kioskPoint.campaignId, ['kiosk'])
    forgetSubmissionTargets()
    const kiosk = await createEnrolledKiosk({ servicePointId: kioskPoint.servicePoint.id })
    const response = await answerConfig(new Request('http://localhost/api/kiosk/config', { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))
    const config = (await response.json()) as KioskConfig
    expect(config.shortFormChannels).toEqual(['kiosk'])

    const id = randomUUID()
    const { items, shortForm } = sessionForm(config, id)
    expect(shortForm).toBe(true)
    const block = formBlockFor(id, BLOCKS)
    expect(items.sort()).toEqual([...askedItemCodes(definition.shortForm!, block)!].sort())
    const body = { id, versionId: kioskPoint.versionId, servicePointCode: kioskPoint.servicePoint.code, form: 'full' as const, completedAt: new Date().toISOString(), answers: answersTo(askedDefinition(definition, block), 4) }
    const context: SubmissionContext = { channel: 'kiosk', kioskId: kiosk.id, kioskServicePointId: kioskPoint.servicePoint.id, language: 'vi', deadline: Date.now() + 60_000 }
    expect((await submitResponse(body, context)).status).toBe(201)
    expect(await prisma.response.findUniqueOrThrow({ where: { id }, select: { formBlock: true, channel: true } })).toEqual({ formBlock: block, channel: 'kiosk' })
  })
})

/** Every number replaced by a matcher accepting it to within 1e-9. */
function approximately(value: unknown): unknown {
  if (typeof value === 'number') return expect.closeTo(value, 9)
  if (Array.isArray(value)) return value.map(approximately)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, approximately(entry)]))
  return value
}
