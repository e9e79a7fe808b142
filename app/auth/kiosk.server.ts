import { prisma } from '~/db.server'
import { createLookupCache } from '~/db/lookup-cache'
import { hashSecret } from './secret-hash.server'

/*
 * A kiosk's device token, as requests present it. Enrolment, revocation and the fleet live in
 * app/kiosk/devices.server.ts; this module only answers "which kiosk sent this request".
 */

// lastSeenAt is for the administration page ("seen 3 minutes ago"), so a coarse value will do.
const LAST_SEEN_PRECISION_MS = 5 * 60 * 1000

export type KioskDevice = { id: string; servicePointId: string; revoked: boolean }

/**
 * Kiosks send several submissions a minute each, so a looked-up token is kept this long (the
 * lookup was a third of a submission's server time). A revocation in this process takes effect
 * at once (forgetKioskTokens); in another process within this time.
 */
const KIOSK_CACHE_MS = 30_000
const kiosks = createLookupCache<string, (KioskDevice & { lastSeenAt: Date | null }) | null>({ ttlMs: KIOSK_CACHE_MS })

/**
 * The kiosk a device token (the KIOSK_TOKEN_HEADER of a request) belongs to, revoked or not, or
 * null for no token or an unknown one.
 */
export async function kioskOfToken(token: string | null, now = new Date()): Promise<KioskDevice | null> {
  if (!token) return null
  const tokenHash = hashSecret(token)
  const kiosk = await kiosks.get(tokenHash, () => findKiosk(tokenHash), now.getTime())
  if (!kiosk) return null
  if (!kiosk.revoked && (!kiosk.lastSeenAt || now.getTime() - kiosk.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS)) {
    kiosk.lastSeenAt = now
    await prisma.kioskDevice.update({ where: { id: kiosk.id }, data: { lastSeenAt: now }, select: { id: true } })
  }
  return { id: kiosk.id, servicePointId: kiosk.servicePointId, revoked: kiosk.revoked }
}

async function findKiosk(tokenHash: string) {
  const kiosk = await prisma.kioskDevice.findUnique({
    where: { tokenHash },
    select: { id: true, servicePointId: true, revokedAt: true, lastSeenAt: true },
  })
  return kiosk
    ? { id: kiosk.id, servicePointId: kiosk.servicePointId, revoked: kiosk.revokedAt !== null, lastSeenAt: kiosk.lastSeenAt }
    : null
}

/** Forget every looked-up token: a kiosk was revoked or re-enrolled. */
export function forgetKioskTokens() {
  kiosks.clear()
}
