import { prisma } from '~/db.server'
import { changeAndAnnounce, onChange } from '~/db/change-notices.server'
import { createLookupCache } from '~/db/lookup-cache'
import type { Prisma } from '~/generated/prisma/client'
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
 * lookup was a third of a submission's server time). A revocation or re-enrolment is announced
 * to every app server (changeKioskTokens): it takes effect on this one at once and on the others
 * when the notice arrives; this time is the bound when a server's listener missed the notice
 * (docs/decisions/023-several-app-servers.md).
 */
export const KIOSK_CACHE_MS = 30_000
const KIOSK_TOKENS_TOPIC = 'kiosk-tokens'
const kiosks = createLookupCache<string, (KioskDevice & { lastSeenAt: Date | null }) | null>({ ttlMs: KIOSK_CACHE_MS })
onChange(KIOSK_TOKENS_TOPIC, () => kiosks.clear())

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

/**
 * Runs a change to kiosks' tokens (a revocation, an enrolment) and makes every app server forget
 * the tokens it looked up, in one transaction with the change.
 */
export function changeKioskTokens<T>(change: Prisma.PrismaPromise<T>): Promise<T> {
  return changeAndAnnounce(KIOSK_TOKENS_TOPIC, change)
}
