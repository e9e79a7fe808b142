import { createHash } from 'node:crypto'

/**
 * The stored form of a bearer secret (a kiosk's device token, an enrolment code, a password
 * reset link, an API token): its SHA-256, hex. Only the hash is stored, so a copy of the
 * database lets nobody pose as its holder. The secrets are 32 random bytes (codes 40 bits and
 * short-lived, throttled), so a plain hash is enough: there is nothing to guess a dictionary of.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}
