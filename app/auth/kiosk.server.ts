import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { prisma } from '~/db.server'
import { createLookupCache } from '~/db/lookup-cache'
import type { Prisma } from '~/generated/prisma/client'

/** The header a kiosk sends its device token in. */
export const KIOSK_TOKEN_HEADER = 'X-Kiosk-Token'
// lastSeenAt is for the administration page ("seen 3 minutes ago"), so a coarse value will do.
const LAST_SEEN_PRECISION_MS = 5 * 60 * 1000

/** Only the hash is stored: a copy of the database does not let anyone pose as a kiosk. */
export function hashKioskToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export type KioskDevice = { id: string; servicePointId: string }

/**
 * Kiosks send several submissions a minute each, so a looked-up token is kept this long (the
 * lookup was a third of a submission's server time). A revocation in this process takes effect
 * at once (revokeKiosk forgets the cache); one process serves the platform (ADR 003).
 */
const KIOSK_CACHE_MS = 30_000
const kiosks = createLookupCache<string, (KioskDevice & { lastSeenAt: Date | null }) | null>({ ttlMs: KIOSK_CACHE_MS })

/** The kiosk a device token (the KIOSK_TOKEN_HEADER of a request) belongs to, or null (none, unknown or revoked). */
export async function kioskOfToken(token: string | null, now = new Date()): Promise<KioskDevice | null> {
  if (!token) return null
  const tokenHash = hashKioskToken(token)
  const kiosk = await kiosks.get(tokenHash, () => findActiveKiosk(tokenHash), now.getTime())
  if (!kiosk) return null
  if (!kiosk.lastSeenAt || now.getTime() - kiosk.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    kiosk.lastSeenAt = now
    await prisma.kioskDevice.update({ where: { id: kiosk.id }, data: { lastSeenAt: now }, select: { id: true } })
  }
  return { id: kiosk.id, servicePointId: kiosk.servicePointId }
}

async function findActiveKiosk(tokenHash: string) {
  const kiosk = await prisma.kioskDevice.findUnique({
    where: { tokenHash },
    select: { id: true, servicePointId: true, revokedAt: true, lastSeenAt: true },
  })
  return kiosk && !kiosk.revokedAt
    ? { id: kiosk.id, servicePointId: kiosk.servicePointId, lastSeenAt: kiosk.lastSeenAt }
    : null
}

/** Registers a kiosk and returns its token, which is shown once and never stored. */
export async function createKiosk(input: { name: string; servicePointId: string }) {
  const token = randomBytes(32).toString('base64url')
  const kiosk = await prisma.kioskDevice.create({
    data: {
      id: randomUUID(),
      name: input.name,
      servicePointId: input.servicePointId,
      tokenHash: hashKioskToken(token),
    },
    select: { id: true },
  })
  return { id: kiosk.id, token }
}

export async function revokeKiosk(kioskId: string, now = new Date()) {
  await prisma.kioskDevice.updateMany({ where: { id: kioskId, revokedAt: null }, data: { revokedAt: now } })
  kiosks.clear()
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
      servicePoint: { select: { code: true, name: true, nameEn: true } },
    },
  })
}
