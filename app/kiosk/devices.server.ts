import { pbkdf2Sync, randomBytes, randomUUID } from 'node:crypto'
import { changeKioskTokens, type KioskDevice } from '~/auth/kiosk.server'
import { hashSecret } from '~/auth/secret-hash.server'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { getActiveCampaign } from '~/questionnaire/campaigns.server'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { getPublishedVersion } from '~/questionnaire/versions.server'
import { vietnamDay } from '~/responses/vietnam-time'
import { ENROLMENT_CODE_TTL_MS, enrolmentCodeFromBytes, formatEnrolmentCode, normalizeEnrolmentCode } from './enrolment-code'
import type { Heartbeat } from './heartbeat'
import { getKioskSettings } from '~/responses/kiosk-settings.server'

/*
 * Kiosks as devices: enrolment with a one-time code, revocation, heartbeats and what a kiosk
 * needs to collect (docs/decisions/019-kiosk.md). Requests find their kiosk through
 * app/auth/kiosk.server.ts.
 */

/** PBKDF2-SHA-256 work factor of the PIN verifier a kiosk checks offline (WebCrypto, ~50 ms on a cheap tablet). */
const PIN_ITERATIONS = 100_000
const PIN_PATTERN = /^\d{4,8}$/

export type PinVerifier = { salt: string; iterations: number; hash: string }

function pinVerifier(pin: string): PinVerifier {
  if (!PIN_PATTERN.test(pin)) throw new Error('pinVerifier: the PIN must be 4 to 8 digits')
  const salt = randomBytes(16)
  const hash = pbkdf2Sync(pin, salt, PIN_ITERATIONS, 32, 'sha256')
  return { salt: salt.toString('base64'), iterations: PIN_ITERATIONS, hash: hash.toString('base64') }
}

function newEnrolmentCode(now: Date) {
  const code = enrolmentCodeFromBytes(randomBytes(8))
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS)
  return {
    code: formatEnrolmentCode(code),
    expiresAt,
    data: { enrolmentCodeHash: hashSecret(code), enrolmentExpiresAt: expiresAt },
  }
}

export type IssuedCode = { kioskId: string; code: string; expiresAt: Date }

/** Registers a kiosk at a service point and issues its first enrolment code (shown once). */
export async function createKiosk(
  input: { name: string; servicePointId: string; pin: string },
  now = new Date(),
): Promise<IssuedCode> {
  const issued = newEnrolmentCode(now)
  const kiosk = await prisma.kioskDevice.create({
    data: {
      id: randomUUID(),
      name: input.name,
      servicePointId: input.servicePointId,
      pinVerifier: pinVerifier(input.pin),
      ...issued.data,
    },
    select: { id: true },
  })
  return { kioskId: kiosk.id, code: issued.code, expiresAt: issued.expiresAt }
}

/**
 * A new enrolment code (and PIN) for a kiosk: the device, reset or revoked, enrols again with
 * it. The previous code stops working; the device's current token works until it enrols.
 */
export async function reissueEnrolmentCode(kioskId: string, pin: string, now = new Date()): Promise<IssuedCode> {
  const issued = newEnrolmentCode(now)
  await prisma.kioskDevice.update({
    where: { id: kioskId },
    data: { pinVerifier: pinVerifier(pin), ...issued.data },
    select: { id: true },
  })
  return { kioskId, code: issued.code, expiresAt: issued.expiresAt }
}

export type EnrolmentRefusal = 'invalid_enrolment_code' | 'unknown_enrolment_code' | 'enrolment_code_used' | 'enrolment_code_expired'
export type Enrolment = {
  token: string
  kiosk: { id: string; name: string; servicePointCode: string }
  pin: PinVerifier
}

/**
 * Exchanges a typed code for the device token. Single use: the code and a fresh token are
 * swapped in one conditional update, so two devices racing with one code cannot both enrol.
 * Enrolling clears a revocation.
 */
export async function enrolKiosk(typedCode: string, now = new Date()): Promise<Enrolment | { refused: EnrolmentRefusal }> {
  const code = normalizeEnrolmentCode(typedCode)
  if (!code) return { refused: 'invalid_enrolment_code' }
  const enrolmentCodeHash = hashSecret(code)
  const token = randomBytes(32).toString('base64url')
  const taken = await changeKioskTokens(
    prisma.kioskDevice.updateMany({
      where: { enrolmentCodeHash, enrolmentExpiresAt: { gt: now } },
      data: { tokenHash: hashSecret(token), enrolmentExpiresAt: null, enrolledAt: now, revokedAt: null },
    }),
  )
  const kiosk = await prisma.kioskDevice.findUnique({
    where: { enrolmentCodeHash },
    select: {
      id: true,
      name: true,
      pinVerifier: true,
      enrolmentExpiresAt: true,
      servicePoint: { select: { code: true } },
    },
  })
  if (!kiosk) return { refused: 'unknown_enrolment_code' }
  if (taken.count === 0) return { refused: kiosk.enrolmentExpiresAt === null ? 'enrolment_code_used' : 'enrolment_code_expired' }
  return {
    token,
    kiosk: { id: kiosk.id, name: kiosk.name, servicePointCode: kiosk.servicePoint.code },
    pin: kiosk.pinVerifier as PinVerifier,
  }
}

export async function revokeKiosk(kioskId: string, now = new Date()) {
  await changeKioskTokens(prisma.kioskDevice.updateMany({ where: { id: kioskId, revokedAt: null }, data: { revokedAt: now } }))
}

/** Stores what a kiosk reported; its list of refused answers replaces the previous one. */
export async function recordHeartbeat(kioskId: string, heartbeat: Heartbeat, now = new Date()) {
  await prisma.$transaction([
    prisma.kioskDevice.update({
      where: { id: kioskId },
      data: {
        lastHeartbeatAt: now,
        lastSeenAt: now,
        appVersion: heartbeat.appVersion,
        queueLength: heartbeat.queueLength,
        oldestQueuedAt: heartbeat.oldestQueuedAt,
        lastSyncAt: heartbeat.lastSyncAt,
        online: heartbeat.online,
        batteryLevel: heartbeat.battery?.level ?? null,
        batteryCharging: heartbeat.battery?.charging ?? null,
      },
      select: { id: true },
    }),
    prisma.kioskRefusal.deleteMany({ where: { kioskId } }),
    prisma.kioskRefusal.createMany({
      data: heartbeat.refused.map((refusal) => ({ kioskId, ...refusal })),
      skipDuplicates: true,
    }),
  ])
}

export type KioskConfig = {
  kiosk: { id: string; name: string }
  servicePoint: { code: string; name: { vi: string; en: string } }
  version: { id: string; definition: unknown }
  form: string[]
  /** The campaign's short-form channels: the kiosk asks the short form when they name it. */
  shortFormChannels: string[]
  acceptedVersionIds: string[]
  minIntervalSeconds: number
  heartbeatSeconds: number
}

/** What a kiosk needs to collect today, or null when no campaign runs at its service point. */
export async function getKioskConfig(device: KioskDevice, now = new Date()): Promise<KioskConfig | null> {
  const [kiosk, settings] = await Promise.all([
    prisma.kioskDevice.findUniqueOrThrow({
      where: { id: device.id },
      select: { id: true, name: true, servicePoint: { select: { code: true, name: true, nameEn: true } } },
    }),
    getKioskSettings(now.getTime()),
  ])
  const today = new Date(`${vietnamDay(now)}T00:00:00Z`)
  const campaign = await getActiveCampaign({ servicePointId: device.servicePointId }, today)
  if (!campaign) return null
  const version = await getPublishedVersion(campaign.version.id)
  if (!version) return null
  const graceFrom = new Date(today.getTime() - settings.versionGraceDays * 24 * 60 * 60 * 1000)
  const recent = await prisma.campaign.findMany({
    where: {
      startsOn: { lte: today },
      endsOn: { gte: graceFrom },
      servicePoints: { some: { servicePointId: device.servicePointId } },
    },
    select: { versionId: true },
  })
  return {
    kiosk: { id: kiosk.id, name: kiosk.name },
    servicePoint: { code: kiosk.servicePoint.code, name: { vi: kiosk.servicePoint.name, en: kiosk.servicePoint.nameEn } },
    version: { id: version.id, definition: version.definition },
    form: kioskFormItems(version.definition),
    shortFormChannels: [...campaign.shortFormChannels],
    acceptedVersionIds: [...new Set([version.id, ...recent.map((campaign) => campaign.versionId)])],
    minIntervalSeconds: settings.minIntervalSeconds,
    heartbeatSeconds: settings.heartbeatSeconds,
  }
}

/** The current version a kiosk should be asking, for the heartbeat's answer. */
export async function getCurrentKioskVersionId(device: KioskDevice, now = new Date()): Promise<string | null> {
  const campaign = await getActiveCampaign({ servicePointId: device.servicePointId }, new Date(`${vietnamDay(now)}T00:00:00Z`))
  return campaign?.version.id ?? null
}

export function getKioskServicePoint(kioskId: string) {
  return prisma.kioskDevice.findUnique({ where: { id: kioskId }, select: { servicePointId: true } })
}

export function listKiosks(where: Prisma.KioskDeviceWhereInput) {
  return prisma.kioskDevice.findMany({
    where,
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      lastSeenAt: true,
      revokedAt: true,
      createdAt: true,
      enrolledAt: true,
      enrolmentExpiresAt: true,
      lastHeartbeatAt: true,
      appVersion: true,
      queueLength: true,
      oldestQueuedAt: true,
      lastSyncAt: true,
      online: true,
      batteryLevel: true,
      batteryCharging: true,
      servicePoint: { select: { code: true, name: true, nameEn: true } },
      refusals: { select: { responseId: true, status: true, code: true, message: true, at: true }, orderBy: { at: 'desc' } },
    },
  })
}
