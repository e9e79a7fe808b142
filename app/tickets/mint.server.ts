import { arrayLiteral } from '~/db/array-literal'
import { prisma } from '~/db.server'
import type { ErrorParams, SubmissionErrorCode } from '~/responses/errors'
import { vietnamDay } from '~/responses/vietnam-time'
import { isProcedureField } from './fields'
import { addDays, newTicketClaims } from './issue'
import type { TicketIssuer } from './issuers.server'
import { dossierHash, ticketKeys } from './keys.server'
import { getTicketSettings } from './settings.server'
import { signTicket, type TicketKeyRing } from './token'

/*
 * Minting rating tickets for a dossier-management system (docs/decisions/025-rating-tickets.md):
 * one ticket per dossier, whatever how often it is asked for.
 *
 * - Every request is checked first (service point known, active and within the issuer's
 *   province or agency; field a known code). One bad request refuses the whole call and nothing
 *   is written, as the paper import does: the caller fixes its data and sends the call again,
 *   which is safe because minting is idempotent.
 * - Idempotent on the dossier's keyed hash: `INSERT … ON CONFLICT ("dossierHash") DO NOTHING` on
 *   its unique index, never check-then-insert. A dossier minted before, or by a concurrent call
 *   (the insert waits on the index for the other transaction, then skips), comes back as the
 *   stored ticket, read in a second statement (the insert's snapshot cannot see a row committed
 *   by the transaction it waited for) and signed again: same claims, same key, same token.
 * - One set-based statement inserts the whole call (unnest of array literals); a second reads
 *   back only the tickets that were not inserted now.
 */

export type MintedTicket = {
  /** The request's position in the call. */
  index: number
  /** `/t/<token>`; the caller prefixes its origin. */
  path: string
  nonce: string
  /** YYYY-MM-DD, the last day in Vietnam the ticket may be used. */
  expiresOn: string
  /** False when the dossier already had this ticket (or an earlier request of the call asked for it). */
  created: boolean
}

export type MintRefusal = { refused: { status: 403 | 422; code: SubmissionErrorCode; params: ErrorParams } }

export type TicketOrder = { servicePointCode: string; field?: string | null; dossierCode: string }

/** A ticket's row as its token is signed from. */
type StoredTicket = { id: string; code: string; field: string | null; issuedOn: string; expiresOn: string; keyId: string; hash: string }


export async function mintTickets(
  issuer: TicketIssuer,
  requests: readonly TicketOrder[],
  { now = new Date(), keys = ticketKeys() }: { now?: Date; keys?: TicketKeyRing } = {},
): Promise<{ tickets: MintedTicket[] } | MintRefusal> {
  const codes = [...new Set(requests.map((request) => request.servicePointCode))]
  const points = new Map(
    (
      await prisma.servicePoint.findMany({
        where: { code: { in: codes } },
        select: { id: true, code: true, provinceId: true, agencyId: true, active: true },
      })
    ).map((point) => [point.code, point]),
  )
  for (const [index, request] of requests.entries()) {
    const point = points.get(request.servicePointCode)
    const params = { index, servicePointCode: request.servicePointCode }
    if (!point) return refuse(422, 'unknown_service_point', params)
    if (point.provinceId !== issuer.provinceId || (issuer.agencyId !== null && point.agencyId !== issuer.agencyId)) {
      return refuse(403, 'outside_issuer_scope', params)
    }
    if (!point.active) return refuse(422, 'service_point_inactive', params)
    if (request.field != null && !isProcedureField(request.field)) return refuse(422, 'unknown_procedure_field', { index, field: request.field })
  }

  const issuedOn = vietnamDay(now)
  const { expiryDays } = await getTicketSettings(now.getTime())
  const hashes = requests.map((request) => dossierHash(issuer.provinceId, request.dossierCode))
  // One row per dossier, the first request naming it deciding; in hash order, so two calls
  // naming the same dossiers take the unique index's locks in the same order (no deadlock).
  const firstOf = new Map<string, number>()
  hashes.forEach((hash, index) => firstOf.has(hash) || firstOf.set(hash, index))
  const rows = [...firstOf]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([hash, index]) => {
      const request = requests[index]!
      // A new ticket's nonce and days, as a printed sheet's (issue.ts).
      const claims = newTicketClaims({ servicePointCode: request.servicePointCode, field: request.field ?? null, issuedOn, expiryDays })
      return { id: claims.nonce, servicePointId: points.get(request.servicePointCode)!.id, servicePointCode: request.servicePointCode, field: claims.field, hash }
    })
  const expiresOn = addDays(issuedOn, expiryDays)

  const inserted = await prisma.$queryRaw<{ hash: string }[]>`
    INSERT INTO "RatingTicket" (id, "servicePointId", field, "issuedOn", "expiresOn", "keyId", "dossierHash", "issuerId")
    SELECT x.id, x.point, x.field, ${issuedOn}::date, ${expiresOn}::date, ${keys.signing.id}, x.hash, ${issuer.id}
    FROM unnest(${arrayLiteral(rows.map((row) => row.id))}::text[], ${arrayLiteral(rows.map((row) => row.servicePointId))}::text[],
      ${arrayLiteral(rows.map((row) => row.field))}::text[], ${arrayLiteral(rows.map((row) => row.hash))}::text[]) AS x(id, point, field, hash)
    ON CONFLICT ("dossierHash") DO NOTHING
    RETURNING "dossierHash" AS hash`
  const created = new Set(inserted.map((row) => row.hash))

  // The rows just inserted are known as written; only the others are read back.
  const tickets = new Map<string, StoredTicket>(
    rows
      .filter((row) => created.has(row.hash))
      .map((row) => [
        row.hash,
        { id: row.id, code: row.servicePointCode, field: row.field, issuedOn, expiresOn, keyId: keys.signing.id, hash: row.hash },
      ]),
  )
  const existing = rows.filter((row) => !created.has(row.hash)).map((row) => row.hash)
  if (existing.length > 0) {
    const stored = await prisma.$queryRaw<StoredTicket[]>`
      SELECT t.id, s.code, t.field, t."issuedOn"::text AS "issuedOn", t."expiresOn"::text AS "expiresOn", t."keyId",
        t."dossierHash" AS hash
      FROM "RatingTicket" t JOIN "ServicePoint" s ON s.id = t."servicePointId"
      WHERE t."dossierHash" = ANY(${arrayLiteral(existing)}::text[])`
    for (const row of stored) tickets.set(row.hash, row)
  }

  return {
    tickets: hashes.map((hash, index) => {
      const row = tickets.get(hash)
      if (!row) throw new Error(`mintTickets: the ticket of request ${index} was neither inserted nor found`)
      const claims = {
        servicePointCode: row.code,
        field: row.field,
        issuedOn: row.issuedOn,
        expiresOn: row.expiresOn,
        nonce: row.id,
      }
      // Signed again with the key that first signed it, so the token is the one handed out
      // before; once that key has left the ring (after its tickets expired, keys.server.ts),
      // the current key signs an already expired ticket.
      const key = keys.verifying.find((candidate) => candidate.id === row.keyId) ?? keys.signing
      return {
        index,
        path: `/t/${signTicket(claims, key)}`,
        nonce: row.id,
        expiresOn: claims.expiresOn,
        created: created.has(hash) && firstOf.get(hash) === index,
      }
    }),
  }
}

function refuse(status: 403 | 422, code: SubmissionErrorCode, params: ErrorParams): MintRefusal {
  return { refused: { status, code, params } }
}
