import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { createEnrolledKiosk } from '../../test/factories/kiosks'
import { prisma } from '~/db.server'
import { QUALITY_FLAGS } from '~/quality/flags'
import { forgetQualitySettings } from '~/quality/settings.server'
import { MAX_TEXT_ANSWER_LENGTH } from '~/questionnaire/definition'
import {
  createSurveyPoint,
  envelopeFor,
  publishDefinition,
  rollupsMatchRawCounts,
  storedCounts,
  storedRow,
  VALID_ANSWERS,
} from '../../test/factories/submissions'
import { definition } from '../../test/fixtures/submission-definition'
import { SubmissionError } from './errors'
import { SCRUBBED_PLACEHOLDER } from './scrub'
import { insertResponses, type StoredResponse } from './store.server'
import { type SubmissionContext, submitResponse } from './submit.server'
import { forgetSubmissionTargets } from './target.server'

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
const web: SubmissionContext = { channel: 'web', language: 'vi' }

let point: Point
beforeAll(async () => {
  point = await createSurveyPoint()
  // The first submission of a process warms caches and the query compiler; the deadline is for
  // a database that is down, not for a cold start on a busy test machine, so this one waits longer.
  await submitResponse(envelopeFor(point), { ...web, deadline: Date.now() + 60_000 })
})

/** A kiosk enrolled at `target`'s service point, and the context it submits in. */
async function kioskAt(target: { servicePoint: { id: string } }, name: string) {
  const kiosk = await createEnrolledKiosk({ name, servicePointId: target.servicePoint.id })
  const context: SubmissionContext = {
    channel: 'kiosk',
    kioskId: kiosk.id,
    kioskServicePointId: target.servicePoint.id,
    language: 'vi',
  }
  return { kiosk, context }
}

async function refusal(body: unknown, context: SubmissionContext = web) {
  try {
    await submitResponse(body, context)
  } catch (error) {
    if (error instanceof SubmissionError) return { status: error.status, code: error.code }
    throw error
  }
  throw new Error('expected the submission to be refused')
}

describe('storing a submission', () => {
  test('a new submission is stored with its answers and rollups and gets a receipt (201)', async () => {
    const before = await storedCounts()
    const body = envelopeFor(point, { language: 'en', startedAt: new Date(Date.now() - 5 * 60_000).toISOString() })
    const result = await submitResponse(body, web)

    expect(result).toMatchObject({
      status: 201,
      id: body.id,
      receiptId: expect.stringMatching(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
    })
    const stored = await prisma.response.findUniqueOrThrow({
      where: { id: body.id },
      select: {
        receiptId: true,
        channel: true,
        language: true,
        flags: true,
        campaignId: true,
        submittedAt: true,
        durationSeconds: true,
      },
    })
    expect(stored).toMatchObject({
      receiptId: result.receiptId,
      channel: 'web',
      language: 'en',
      flags: 0,
      campaignId: point.campaignId,
    })
    expect(stored.durationSeconds).toBeGreaterThanOrEqual(299)
    // No time-based flag: only the day is kept.
    expect(stored.submittedAt).toBeNull()
    const after = await storedCounts()
    // screen, polite, time, general, online.used and two ticked channels.
    expect(after).toEqual({
      ...before,
      responses: before.responses + 1,
      answers: before.answers + 7,
      answerRollupN: before.answerRollupN + 7,
      responseRollupN: before.responseRollupN + 1,
    })
  })

  test('the submission day is the calendar day in Vietnam', async () => {
    const body = envelopeFor(point)
    // 23:30 in Vietnam on the 1st is 16:30 UTC: still the 1st; 00:30 on the 2nd is 17:30 UTC on the 1st.
    const today = new Date()
    const lateUtc = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 17, 30))
    await submitResponse(body, { ...web, now: lateUtc })
    const { submittedOn } = await prisma.response.findUniqueOrThrow({
      where: { id: body.id },
      select: { submittedOn: true },
    })
    expect(submittedOn.toISOString().slice(0, 10)).toBe(
      new Date(lateUtc.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
    )
  })

  test('50 concurrent identical submissions store exactly one response, all 2xx with the same receipt', async () => {
    const before = await storedCounts()
    const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: 'Cảm ơn cán bộ' } })
    const results = await Promise.all(Array.from({ length: 50 }, () => submitResponse(structuredClone(body), web)))

    expect(results.filter((result) => result.status === 201)).toHaveLength(1)
    expect(results.filter((result) => result.status === 200)).toHaveLength(49)
    expect(new Set(results.map((result) => result.receiptId)).size).toBe(1)
    expect(await prisma.response.count({ where: { id: body.id } })).toBe(1)
    const after = await storedCounts()
    expect(after.responses - before.responses).toBe(1)
    expect(after.answers - before.answers).toBe(7)
    expect(after.comments - before.comments).toBe(1)
    expect(after.responseRollupN - before.responseRollupN).toBe(1)
  })

  test('two writes at once, each replaying the other’s ids in the opposite order, store each id once without deadlock', async () => {
    // The submission writer runs two batches at once (WRITERS); rows are inserted in id order,
    // so crossing replays wait on each other's unique-index entries instead of deadlocking.
    const rows = Array.from({ length: 4_000 }, () => storedRow(point))
    // A replay is another attempt at the same response: same id and body, a receipt of its own.
    const asReplay = (row: StoredResponse): StoredResponse => ({ ...row, receiptId: `R2-${row.id}` })
    // Batches long enough that the two statements overlap.
    for (let round = 0; round < 4; round++) {
      const batch = rows.slice(round * 1_000, round * 1_000 + 1_000)
      const [forward, backward] = await Promise.all([
        insertResponses(batch),
        insertResponses([...batch].reverse().map(asReplay)),
      ])
      expect(forward.map((outcome) => outcome.id)).toEqual(batch.map((row) => row.id))
      expect(backward.map((outcome) => outcome.id)).toEqual([...batch].reverse().map((row) => row.id))
      for (const [i, outcome] of forward.entries())
        expect(outcome.inserted).not.toBe(backward[batch.length - 1 - i]!.inserted)
    }
    expect(await prisma.response.count({ where: { id: { in: rows.map((row) => row.id) } } })).toBe(rows.length)
  })

  test('a replay later gets 200 with the same receipt; key order and text normalisation don’t matter', async () => {
    const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: 'Tiếp nhận nhanh' } })
    const first = await submitResponse(body, web)
    const reordered = Object.fromEntries(
      Object.entries({
        ...body,
        answers: { ...VALID_ANSWERS, comment: ' Tie\u0302\u0301p nha\u0323\u0302n nhanh ', channels: [3, 1] },
      }).reverse()
    )
    const replay = await submitResponse(reordered, web)
    expect(replay).toEqual({ status: 200, id: body.id, receiptId: first.receiptId })
  })

  test('a changed replay (same id, different answers) is 409 and changes nothing', async () => {
    const body = envelopeFor(point)
    await submitResponse(body, web)
    const before = await storedCounts()
    expect(await refusal({ ...body, answers: { ...VALID_ANSWERS, 'svc.general': 1 } })).toEqual({
      status: 409,
      code: 'id_conflict',
    })
    expect(await storedCounts()).toEqual(before)
  })

  test('concurrent submissions with one id but different bodies: one 201, the others 200 or 409 by their body', async () => {
    const id = randomUUID()
    const same = envelopeFor(point, { id })
    const other = envelopeFor(point, { id, answers: { ...VALID_ANSWERS, 'svc.polite': 1 } })
    const results = await Promise.allSettled([same, same, other, same, other].map((body) => submitResponse(body, web)))
    const statuses = results.map((result) =>
      result.status === 'fulfilled' ? result.value.status : (result.reason as SubmissionError).status
    )
    expect(statuses.filter((status) => status === 201)).toHaveLength(1)
    const winnerIsSame = statuses[0] === 201 || statuses[1] === 201 || statuses[3] === 201
    expect(statuses.filter((status) => status === 409)).toHaveLength(winnerIsSame ? 2 : 3)
    expect(await prisma.response.count({ where: { id } })).toBe(1)
  })

  test('text is stored NFC-normalised, trimmed and scrubbed of phone and ID numbers', async () => {
    const decomposed =
      '  Ca\u0301n bo\u0323\u0302 hu\u031Bo\u031B\u0301ng da\u0302\u0303n ta\u0323\u0302n ti\u0300nh, go\u0323i 0912 345 678 hoa\u0323\u0306c CCCD 001099012345 '
    const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: decomposed } })
    await submitResponse(body, web)
    const comment = await prisma.comment.findUniqueOrThrow({
      where: { responseId: body.id },
      select: { text: true, itemCode: true },
    })
    expect(comment).toEqual({
      itemCode: 'comment',
      text: `Cán bộ hướng dẫn tận tình, gọi ${SCRUBBED_PLACEHOLDER} hoặc CCCD ${SCRUBBED_PLACEHOLDER}`,
    })
    expect(comment.text).toBe(comment.text.normalize('NFC'))
  })

  test('text with quotes, backslashes, braces and commas is stored exactly', async () => {
    const text = 'Ý kiến "trích dẫn", {ngoặc} \\ gạch chéo, NULL và \'nháy đơn\''
    const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: text } })
    await submitResponse(body, web)
    expect(await prisma.comment.findUniqueOrThrow({ where: { responseId: body.id }, select: { text: true } })).toEqual({
      text,
    })
  })

  test('a mixed batch (new, replayed, conflicting, flagged, kiosk) leaves the rollups equal to the raw counts', async () => {
    const other = await createSurveyPoint()
    const { kiosk, context: kioskContext } = await kioskAt(other, 'Ki-ốt 1')
    const replayed = envelopeFor(point)
    const bodies: [unknown, SubmissionContext][] = [
      ...Array.from({ length: 20 }, (_, i): [unknown, SubmissionContext] => [
        envelopeFor(i % 2 ? point : other, { answers: { ...VALID_ANSWERS, 'svc.general': 1 + (i % 5) } }),
        i % 2 ? web : kioskContext,
      ]),
      [replayed, web],
      [replayed, web],
      [{ ...replayed, answers: { ...VALID_ANSWERS, 'svc.time': 1 } }, web],
      [envelopeFor(point, { website: 'http://spam.example' }), web],
      [
        envelopeFor(point, { channel: 'phone', answers: { ...VALID_ANSWERS, 'online.used': 1, 'online.easy': 5 } }),
        web,
      ],
    ]
    const results = await Promise.allSettled(bodies.map(([body, context]) => submitResponse(body, context)))
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1)
    expect(await rollupsMatchRawCounts()).toEqual({ answerCells: 0, responseCells: 0 })
    // The kiosk sent ten within seconds: the ones beyond the allowed number are a burst.
    const kioskFlags = await prisma.response.findMany({
      where: { kioskId: kiosk.id },
      select: { flags: true, submittedAt: true, channel: true },
    })
    expect(kioskFlags).toHaveLength(10)
    expect(kioskFlags.every((row) => row.channel === 'kiosk')).toBe(true)
    const bursts = kioskFlags.filter((row) => row.flags & QUALITY_FLAGS.BURST)
    expect(bursts.length).toBeGreaterThanOrEqual(6)
    expect(bursts.every((row) => row.submittedAt !== null)).toBe(true)
  })
})

describe('quality flags are stored, the response is kept', () => {
  test('a filled honeypot is flagged and still acknowledged normally', async () => {
    const body = envelopeFor(point, { website: 'http://spam.example' })
    expect((await submitResponse(body, web)).status).toBe(201)
    const { flags } = await prisma.response.findUniqueOrThrow({ where: { id: body.id }, select: { flags: true } })
    expect(flags & QUALITY_FLAGS.HONEYPOT).toBe(QUALITY_FLAGS.HONEYPOT)
  })

  test('answering faster than the items can be read is flagged, with the exact time kept as evidence', async () => {
    const now = new Date()
    const body = envelopeFor(point, { startedAt: new Date(now.getTime() - 3_000).toISOString() })
    await submitResponse(body, { ...web, now })
    const stored = await prisma.response.findUniqueOrThrow({
      where: { id: body.id },
      select: { flags: true, durationSeconds: true, submittedAt: true },
    })
    expect(stored.flags & QUALITY_FLAGS.TOO_FAST).toBe(QUALITY_FLAGS.TOO_FAST)
    expect(stored.durationSeconds).toBe(3)
    expect(stored.submittedAt?.getTime()).toBe(now.getTime())
  })

  test('thresholds come from the quality setting', async () => {
    await prisma.setting.create({ data: { key: 'quality.flags', value: { straightLining: { minItems: 3 } } } })
    forgetQualitySettings()
    const body = envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.polite': 4, 'svc.time': 4, 'svc.general': 4 } })
    await submitResponse(body, web)
    await prisma.setting.delete({ where: { key: 'quality.flags' } })
    forgetQualitySettings()
    const { flags } = await prisma.response.findUniqueOrThrow({ where: { id: body.id }, select: { flags: true } })
    expect(flags & QUALITY_FLAGS.STRAIGHT_LINING).toBe(QUALITY_FLAGS.STRAIGHT_LINING)
  })
})

describe('refused submissions write nothing', () => {
  const cases: [name: string, body: () => unknown, status: number, code: string][] = [
    ['body is not an object', () => [1, 2], 400, 'invalid_envelope'],
    ['an unknown field', () => envelopeFor(point, { extra: 1 }), 400, 'unknown_field'],
    ['an id that is not a UUID v4', () => envelopeFor(point, { id: 'abc' }), 400, 'invalid_envelope'],
    [
      'a UUID of another version',
      () => envelopeFor(point, { id: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }),
      400,
      'invalid_envelope',
    ],
    ['a malformed startedAt', () => envelopeFor(point, { startedAt: 'yesterday' }), 400, 'invalid_envelope'],
    ['a language we do not have', () => envelopeFor(point, { language: 'fr' as 'vi' }), 400, 'invalid_envelope'],
    [
      'claiming the kiosk channel without a token',
      () => envelopeFor(point, { channel: 'kiosk' as 'web' }),
      400,
      'invalid_envelope',
    ],
    ['answers not an object', () => envelopeFor(point, { answers: 'all 5' }), 400, 'invalid_answers'],
    [
      'an unknown item',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.unknown': 3 } }),
      400,
      'unknown_item',
    ],
    [
      'a value of the wrong type',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.general': '4' } }),
      400,
      'wrong_type',
    ],
    [
      'a value out of range',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.general': 6 } }),
      400,
      'out_of_range',
    ],
    [
      'an option the item does not have',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, channels: [4] } }),
      400,
      'unknown_option',
    ],
    [
      'an option ticked twice',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, channels: [1, 1] } }),
      400,
      'duplicate_option',
    ],
    [
      'don’t know where not allowed',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, 'svc.general': -1 } }),
      400,
      'dont_know_not_allowed',
    ],
    [
      'an answer to a hidden item',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, 'online.easy': 4 } }),
      400,
      'hidden_item',
    ],
    ['a required item missing', () => envelopeFor(point, { answers: { screen: 1, 'svc.polite': 4 } }), 400, 'required'],
    ['an ineligible respondent', () => envelopeFor(point, { answers: { screen: 2 } }), 400, 'screened_out'],
    [
      'over-long text',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: 'x'.repeat(MAX_TEXT_ANSWER_LENGTH + 1) } }),
      400,
      'text_too_long',
    ],
    ['NUL in text', () => envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: 'a\u0000b' } }), 400, 'text_nul'],
    [
      'invalid Unicode in text',
      () => envelopeFor(point, { answers: { ...VALID_ANSWERS, comment: 'a\uD800b' } }),
      400,
      'text_invalid_unicode',
    ],
    [
      'an unknown service point',
      () => envelopeFor(point, { servicePointCode: 'NO-SUCH-POINT' }),
      404,
      'unknown_service_point',
    ],
    ['an unknown version', () => envelopeFor(point, { versionId: 'no-such-version' }), 422, 'unknown_version'],
  ]

  test.each(cases)('%s → %i %s', async (_name, body, status, code) => {
    const before = await storedCounts()
    expect(await refusal(body())).toEqual({ status, code })
    expect(await storedCounts()).toEqual(before)
  })

  test('a version that is not the campaign’s → 422 version_not_current', async () => {
    const otherVersion = await publishDefinition()
    const before = await storedCounts()
    expect(await refusal(envelopeFor(point, { versionId: otherVersion }))).toEqual({
      status: 422,
      code: 'version_not_current',
    })
    expect(await storedCounts()).toEqual(before)
  })

  test('a closed campaign, one not started, and none at all have their own codes', async () => {
    const closed = await createSurveyPoint({ startsIn: -60, endsIn: -1 })
    const upcoming = await createSurveyPoint({ startsIn: 1, endsIn: 60 })
    const before = await storedCounts()
    expect(await refusal(envelopeFor(closed))).toEqual({ status: 422, code: 'campaign_closed' })
    expect(await refusal(envelopeFor(upcoming))).toEqual({ status: 422, code: 'campaign_not_started' })
    await prisma.campaignServicePoint.deleteMany({ where: { campaignId: closed.campaignId } })
    forgetSubmissionTargets()
    expect(await refusal(envelopeFor(closed))).toEqual({ status: 422, code: 'no_campaign' })
    expect(await storedCounts()).toEqual(before)
  })

  test('two text answers in one response → 422 too_many_texts (Comment holds one text per response)', async () => {
    const twoTexts = {
      ...definition,
      sections: [
        ...definition.sections,
        {
          code: 's2',
          title: { vi: 'Thêm', en: 'More' },
          items: [{ ...definition.sections[1]!.items.at(-1)!, code: 'comment2' }],
        },
      ],
    }
    const other = await createSurveyPoint({ definition: twoTexts })
    const before = await storedCounts()
    const body = envelopeFor(other, { answers: { ...VALID_ANSWERS, comment: 'Một', comment2: 'Hai' } })
    expect(await refusal(body)).toEqual({ status: 422, code: 'too_many_texts' })
    expect(await storedCounts()).toEqual(before)
    expect(
      (await submitResponse(envelopeFor(other, { answers: { ...VALID_ANSWERS, comment2: 'Hai' } }), web)).status
    ).toBe(201)
  })

  test('a kiosk submitting for another service point → 403', async () => {
    const other = await createSurveyPoint()
    const { context } = await kioskAt(other, 'Ki-ốt')
    expect(await refusal(envelopeFor(point), context)).toEqual({ status: 403, code: 'kiosk_service_point_mismatch' })
  })
})

describe('one bad row does not fail its batch', () => {
  test('two sheets claiming one paper sheet in the same batch: the first is stored, the second refused, the rest stored', async () => {
    const batch = await prisma.paperBatch.create({
      data: {
        id: randomUUID(),
        servicePointId: point.servicePoint.id,
        fromDate: new Date('2026-01-01'),
        toDate: new Date('2026-01-31'),
        sheetCount: 5,
        createdById: 'test',
      },
      select: { id: true },
    })
    const sheet = await prisma.paperSheet.create({
      data: { id: randomUUID(), batchId: batch.id, sheetNo: 1, pass: 1, clerkId: 'test', payload: {} },
      select: { id: true },
    })
    const paper: SubmissionContext = { channel: 'paper', language: 'vi', paperSheetId: sheet.id }
    const before = await storedCounts()
    const results = await Promise.allSettled([
      submitResponse(envelopeFor(point), web),
      submitResponse(envelopeFor(point), paper),
      submitResponse(envelopeFor(point), paper),
      submitResponse(envelopeFor(point), web),
    ])
    const outcomes = results.map((result) =>
      result.status === 'fulfilled' ? result.value.status : (result.reason as SubmissionError).code
    )
    expect(outcomes.filter((outcome) => outcome === 201)).toHaveLength(3)
    expect(outcomes.filter((outcome) => outcome === 'paper_sheet_conflict')).toHaveLength(1)
    expect((await storedCounts()).responses - before.responses).toBe(3)
    expect(await prisma.response.count({ where: { paperSheetId: sheet.id, channel: 'paper' } })).toBe(1)
    expect(await rollupsMatchRawCounts()).toEqual({ answerCells: 0, responseCells: 0 })
  })
})
