import { randomUUID } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { KIOSK_TOKEN_HEADER } from '~/auth/kiosk-token'
import { resetRateLimits } from '~/auth/rate-limit.server'
import { prisma } from '~/db.server'
import { createCampaign } from '~/questionnaire/campaigns.server'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { answerSubmissionApi } from '~/responses/submission-api.server'
import { forgetSubmissionTargets } from '~/responses/target.server'
import { vietnamDay } from '~/responses/vietnam-time'
import { createEnrolledKiosk } from '../../test/factories/kiosks'
import { createSurveyPoint, envelopeFor, publishDefinition, storedCounts, VALID_ANSWERS } from '../../test/factories/submissions'
import { createKiosk, enrolKiosk, listKiosks, reissueEnrolmentCode, revokeKiosk } from './devices.server'
import { ENROLMENT_CODE_TTL_MS } from './enrolment-code'
import type { HeartbeatInput } from './heartbeat'
import { answerConfig, answerEnrolment, answerHeartbeat } from './kiosk-api.server'
import { getKioskSettings, setKioskSettings } from '~/responses/kiosk-settings.server'

/*
 * Kiosks against the database (docs/decisions/019-kiosk.md): enrolment codes, the config a kiosk
 * collects with, heartbeats and refused answers, and what the submission contract takes from a
 * kiosk (its form, offline answers, the grace period for a superseded version).
 */

type Point = Awaited<ReturnType<typeof createSurveyPoint>>
const DAY_MS = 24 * 60 * 60 * 1000
let point: Point
let clientIp = ''
// Who the audit log says changed the kiosk settings.
const ACTOR_ID = 'test-administrator'

beforeEach(async () => {
  point = await createSurveyPoint()
  await resetRateLimits()
  // Each test its own address, so the enrolment throttle of one does not reach another.
  clientIp = `198.51.100.${Math.floor(Math.random() * 250)}`
})

function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'vi', ...headers },
    body: JSON.stringify(body),
  })
}

async function enrol(code: string) {
  const response = await answerEnrolment(jsonRequest('/api/kiosk/enrol', { code }), clientIp)
  return { status: response.status, body: await response.json() }
}

async function submit(token: string, envelope: Record<string, unknown>) {
  const answer = await answerSubmissionApi({
    method: 'POST',
    url: 'http://localhost/api/submissions',
    header: (name) =>
      ({ 'content-type': 'application/json', [KIOSK_TOKEN_HEADER.toLowerCase()]: token })[name.toLowerCase()] ?? null,
    clientIp,
    readBody: async () => JSON.stringify(envelope),
  })
  return { status: answer.status, body: JSON.parse(answer.body) }
}

const heartbeat = (overrides: Partial<HeartbeatInput> = {}): HeartbeatInput => ({
  appVersion: '1.0.0',
  queueLength: 0,
  oldestQueuedAt: null,
  lastSyncAt: new Date().toISOString(),
  online: true,
  battery: { level: 0.8, charging: true },
  refused: [],
  ...overrides,
})

describe('enrolment', () => {
  test('a code enrols one device once; typed in lower case with spaces it still works', async () => {
    const issued = await createKiosk({ name: 'Ki-ốt tầng 1', servicePointId: point.servicePoint.id, pin: '1234' })
    expect(issued.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const first = await enrol(` ${issued.code.toLowerCase().replace('-', ' ')} `)
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({
      kiosk: { id: issued.kioskId, name: 'Ki-ốt tầng 1', servicePointCode: point.servicePoint.code },
      pin: { iterations: 100_000 },
    })
    expect(first.body.token).toMatch(/^[\w-]{40,}$/)
    const again = await enrol(issued.code)
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'enrolment_code_used' } } })
    expect(again.body.error.message).toMatch(/đã được sử dụng/)
  })

  test('a code expires after 24 hours', async () => {
    const issuedAt = new Date(Date.now() - ENROLMENT_CODE_TTL_MS - 1000)
    const issued = await createKiosk({ name: 'Ki-ốt', servicePointId: point.servicePoint.id, pin: '1234' }, issuedAt)
    expect(await enrol(issued.code)).toMatchObject({ status: 410, body: { error: { code: 'enrolment_code_expired' } } })
  })

  test('two devices racing with one code: exactly one enrols', async () => {
    const issued = await createKiosk({ name: 'Ki-ốt', servicePointId: point.servicePoint.id, pin: '1234' })
    const results = await Promise.all([enrolKiosk(issued.code), enrolKiosk(issued.code), enrolKiosk(issued.code)])
    expect(results.filter((result) => 'token' in result)).toHaveLength(1)
  })

  test('malformed and unknown codes are refused, and guessing is throttled per address', async () => {
    expect(await enrol('ABC')).toMatchObject({ status: 400, body: { error: { code: 'invalid_enrolment_code' } } })
    for (let i = 0; i < 10; i++) {
      expect((await enrol('ZZZZ-ZZZZ')).body.error.code).toBe('unknown_enrolment_code')
    }
    const throttled = await enrol('ZZZZ-ZZZZ')
    expect(throttled).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } })
    expect(throttled.body.error.params.retryAfterSeconds).toBeGreaterThan(0)
  })

  test('the PIN verifier lets a device check the PIN offline, and is not the PIN', async () => {
    const issued = await createKiosk({ name: 'Ki-ốt', servicePointId: point.servicePoint.id, pin: '864209' })
    const { body } = await enrol(issued.code)
    const { pbkdf2Sync } = await import('node:crypto')
    const derive = (pin: string) =>
      pbkdf2Sync(pin, Buffer.from(body.pin.salt, 'base64'), body.pin.iterations, 32, 'sha256').toString('base64')
    expect(derive('864209')).toBe(body.pin.hash)
    expect(derive('864208')).not.toBe(body.pin.hash)
    expect(JSON.stringify(await prisma.kioskDevice.findUniqueOrThrow({ where: { id: issued.kioskId } }))).not.toContain('864209')
  })

  test('a revoked kiosk is told so, and a reissued code enrols it again with a new token', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    await revokeKiosk(kiosk.id)
    const refused = await answerConfig(new Request('http://localhost/api/kiosk/config', { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))
    expect(refused.status).toBe(403)
    expect((await refused.json()).error.code).toBe('kiosk_revoked')
    const reissued = await reissueEnrolmentCode(kiosk.id, '4321')
    const { body } = await enrol(reissued.code)
    expect(body.token).not.toBe(kiosk.token)
    expect((await submit(body.token, envelopeFor(point))).status).toBe(201)
    expect((await submit(kiosk.token, envelopeFor(point))).status).toBe(401)
  })
})

describe('what a kiosk collects with', () => {
  test('the config holds the version, its kiosk form and the service point', async () => {
    const sipas = await createSurveyPoint({ definition: sipas2023 })
    const kiosk = await createEnrolledKiosk({ servicePointId: sipas.servicePoint.id })
    const response = await answerConfig(
      new Request('http://localhost/api/kiosk/config', { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const config = await response.json()
    expect(config).toMatchObject({
      version: { id: sipas.versionId },
      servicePoint: { code: sipas.servicePoint.code },
      form: kioskFormItems(sipas2023),
      acceptedVersionIds: [sipas.versionId],
      minIntervalSeconds: 20,
    })
    expect(config.version.definition.title.vi).toBe(sipas2023.title.vi)
  })

  test('a kiosk-form response answers only the kiosk items and is stored with their codes', async () => {
    const sipas = await createSurveyPoint({ definition: sipas2023 })
    const kiosk = await createEnrolledKiosk({ servicePointId: sipas.servicePoint.id })
    const answers = Object.fromEntries(kioskFormItems(sipas2023).filter((code) => !code.startsWith('comment')).map((code) => [code, code.startsWith('screen') ? 1 : 4]))
    const stored = await submit(kiosk.token, envelopeFor(sipas, { form: 'kiosk', answers }))
    expect(stored.status).toBe(201)
    const row = await prisma.response.findUniqueOrThrow({ where: { id: stored.body.id }, select: { answerItemIds: true, channel: true } })
    expect(row.channel).toBe('kiosk')
    expect(row.answerItemIds).toHaveLength(Object.keys(answers).length)
    const full = await submit(kiosk.token, envelopeFor(sipas, { answers }))
    expect(full).toMatchObject({ status: 400, body: { error: { code: 'required' } } })
  })

  test('only a kiosk may send form and completedAt', async () => {
    const before = await storedCounts()
    for (const field of [{ form: 'kiosk' as const }, { completedAt: new Date().toISOString() }]) {
      const answer = await answerSubmissionApi({
        method: 'POST',
        url: 'http://localhost/api/submissions',
        header: (name) => (name.toLowerCase() === 'content-type' ? 'application/json' : null),
        clientIp,
        readBody: async () => JSON.stringify(envelopeFor(point, field)),
      })
      expect(answer.status).toBe(422)
      expect(JSON.parse(answer.body).error.code).toBe('kiosk_only_field')
    }
    expect(await storedCounts()).toEqual(before)
  })
})

describe('offline answers', () => {
  test('an answer queued two days ago counts for the day it was given', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    const completedAt = new Date(Date.now() - 2 * DAY_MS)
    const stored = await submit(kiosk.token, envelopeFor(point, { completedAt: completedAt.toISOString() }))
    expect(stored.status).toBe(201)
    const row = await prisma.response.findUniqueOrThrow({ where: { id: stored.body.id }, select: { submittedOn: true } })
    expect(row.submittedOn.toISOString().slice(0, 10)).toBe(vietnamDay(completedAt))
  })

  test('a completion time in the future or beyond the offline limit is refused, nothing stored', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    const before = await storedCounts()
    for (const completedAt of [new Date(Date.now() + DAY_MS), new Date(Date.now() - 40 * DAY_MS)]) {
      const refused = await submit(kiosk.token, envelopeFor(point, { completedAt: completedAt.toISOString() }))
      expect(refused).toMatchObject({ status: 422, body: { error: { code: 'completed_at_out_of_range' } } })
    }
    expect(await storedCounts()).toEqual(before)
  })

  test('an answer to the previous version is taken within the grace period after a new one starts', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    // Today a new campaign with a new version starts at the same service point.
    const today = new Date(`${vietnamDay(new Date())}T00:00:00Z`)
    const newVersionId = await publishDefinition()
    await createCampaign({
      name: 'Đợt mới',
      nameEn: 'New round',
      startsOn: today,
      endsOn: new Date(today.getTime() + 30 * DAY_MS),
      versionId: newVersionId,
      servicePointIds: [point.servicePoint.id],
    })
    forgetSubmissionTargets()
    const old = () => envelopeFor(point, { id: randomUUID(), completedAt: new Date().toISOString() })
    expect((await submit(kiosk.token, old())).status).toBe(201)

    const config = await (
      await answerConfig(new Request('http://localhost/api/kiosk/config', { headers: { [KIOSK_TOKEN_HEADER]: kiosk.token } }))
    ).json()
    expect(config.version.id).toBe(newVersionId)
    expect(config.acceptedVersionIds).toEqual(expect.arrayContaining([newVersionId, point.versionId]))

    await setKioskSettings({ versionGraceDays: 0 }, ACTOR_ID)
    forgetSubmissionTargets()
    expect((await getKioskSettings()).versionGraceDays).toBe(0)
    const refused = await submit(kiosk.token, old())
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'version_not_current' } } })
    // A phone holding the old version never had a grace period.
    const phone = await answerSubmissionApi({
      method: 'POST',
      url: 'http://localhost/api/submissions',
      header: (name) => (name.toLowerCase() === 'content-type' ? 'application/json' : null),
      clientIp,
      readBody: async () => JSON.stringify(envelopeFor(point, { answers: VALID_ANSWERS })),
    })
    expect(JSON.parse(phone.body).error.code).toBe('version_not_current')
    await setKioskSettings({}, ACTOR_ID)
  })
})

describe('heartbeats', () => {
  test('a heartbeat is stored and answered with the version to ask', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    const oldest = new Date(Date.now() - 3 * 60 * 60 * 1000)
    const response = await answerHeartbeat(
      jsonRequest('/api/kiosk/heartbeat', heartbeat({ queueLength: 12, oldestQueuedAt: oldest.toISOString(), online: false }), {
        [KIOSK_TOKEN_HEADER]: kiosk.token,
      }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ versionId: point.versionId })
    const [listed] = await listKiosks({ id: kiosk.id })
    expect(listed).toMatchObject({ queueLength: 12, online: false, appVersion: '1.0.0', batteryLevel: 0.8, batteryCharging: true })
    expect(listed!.oldestQueuedAt?.toISOString()).toBe(oldest.toISOString())
    expect(listed!.lastHeartbeatAt).not.toBeNull()
  })

  test('refused answers are reported with their code, and the latest report replaces the last', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    const refusal = (code: string) => ({
      responseId: randomUUID(),
      status: 422,
      code,
      message: 'Bảng hỏi đã được cập nhật.',
      at: new Date().toISOString(),
    })
    const send = (refused: ReturnType<typeof refusal>[]) =>
      answerHeartbeat(jsonRequest('/api/kiosk/heartbeat', heartbeat({ refused }), { [KIOSK_TOKEN_HEADER]: kiosk.token }))
    await send([refusal('version_not_current'), refusal('completed_at_out_of_range')])
    expect((await listKiosks({ id: kiosk.id }))[0]!.refusals.map((r) => r.code).sort()).toEqual([
      'completed_at_out_of_range',
      'version_not_current',
    ])
    await send([refusal('unknown_version')])
    expect((await listKiosks({ id: kiosk.id }))[0]!.refusals).toMatchObject([{ code: 'unknown_version', status: 422 }])
  })

  test('a malformed heartbeat is a 400 naming the field and changes nothing', async () => {
    const kiosk = await createEnrolledKiosk({ servicePointId: point.servicePoint.id })
    const response = await answerHeartbeat(
      jsonRequest('/api/kiosk/heartbeat', heartbeat({ appVersion: 'v1\u0000', queueLength: -1 }), {
        [KIOSK_TOKEN_HEADER]: kiosk.token,
        'Accept-Language': 'en',
      }),
    )
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(body.error).toMatchObject({ code: 'invalid_heartbeat', params: { field: 'appVersion' } })
    expect(body.error.message).toMatch(/status report/)
    expect((await listKiosks({ id: kiosk.id }))[0]!.lastHeartbeatAt).toBeNull()
  })

  test('without a valid token nothing is reported', async () => {
    const response = await answerHeartbeat(jsonRequest('/api/kiosk/heartbeat', heartbeat(), { [KIOSK_TOKEN_HEADER]: 'forged' }))
    expect(response.status).toBe(401)
    expect((await response.json()).error.code).toBe('invalid_kiosk_token')
  })
})
