import { createHmac } from 'node:crypto'
import { SESSION_SECRET } from '~/auth/session.server'
import { isKeyId, type TicketKey, type TicketKeyRing } from './token'

/*
 * The keys rating tickets are signed with (docs/decisions/025-rating-tickets.md), from the
 * environment so every app server holds the same ones:
 *   TICKET_KEYS="k2=<secret>,k1=<old secret>"   the first signs, all of them verify.
 *   TICKET_DOSSIER_KEY=<secret>                  keys the dossier hashes; never rotated, or a
 *                                                dossier minted before could be minted again.
 * Without them, both derive from SESSION_SECRET (one key, id "k0"): enough for one deployment
 * that never rotates. Rotating: put the new key first, keep the old one until its last ticket has
 * expired (the expiry setting's days), then remove it.
 */

export function ticketKeyRing(source: Partial<Record<string, string>> = process.env): TicketKeyRing {
  const listed = (source.TICKET_KEYS ?? '').trim()
  if (!listed) {
    const key = { id: 'k0', secret: derived('rating-ticket-key') }
    return { signing: key, verifying: [key] }
  }
  const keys: TicketKey[] = listed.split(',').map((entry) => {
    const at = entry.indexOf('=')
    const id = entry.slice(0, at).trim()
    const secret = entry.slice(at + 1).trim()
    if (at < 0 || !isKeyId(id) || secret.length < 32)
      throw new Error('TICKET_KEYS: each entry is <id>=<secret>, the id 1–16 letters, digits, - or _, the secret 32 characters or more')
    return { id, secret }
  })
  if (new Set(keys.map((key) => key.id)).size !== keys.length) throw new Error('TICKET_KEYS: a key id appears twice')
  return { signing: keys[0]!, verifying: keys }
}

let ring: TicketKeyRing | undefined
/** The process's key ring, read once. */
export function ticketKeys(): TicketKeyRing {
  return (ring ??= ticketKeyRing())
}

/**
 * The keyed hash that stands for a dossier code: the same dossier in the same province always
 * gives the same hash, and the hash says nothing of the code without the key.
 */
export function dossierHash(provinceId: string, dossierCode: string, source: Partial<Record<string, string>> = process.env): string {
  const key = source.TICKET_DOSSIER_KEY?.trim() || derived('dossier-hash-key')
  return createHmac('sha256', key).update(`${provinceId}\u0000${dossierCode.trim()}`).digest('base64url')
}

function derived(purpose: string): string {
  return createHmac('sha256', SESSION_SECRET).update(purpose).digest('base64url')
}
