import { z } from 'zod'
import 'zod-openapi'
import { PROCEDURE_FIELD_CODES } from './fields'

/*
 * The contract of POST /api/v1/tickets (docs/decisions/025-rating-tickets.md): what a centre's
 * dossier-management system sends and gets back. The server validates with these schemas and
 * the OpenAPI document (app/read-api/openapi.ts) is made from them.
 */

/** The most tickets one call may mint: a centre's day of results in a few calls, within the path's 256 KB body limit (server/request-body.ts). */
export const MAX_TICKETS_PER_CALL = 500
/** Dossier codes are short (e.g. `000.00.16.H29-241207-0001`); a longer one is not a dossier code. */
const MAX_DOSSIER_CODE_LENGTH = 64

const TicketRequestSchema = z
  .strictObject({
    servicePointCode: z.string().trim().toUpperCase().min(1).max(32).meta({ description: 'The service point where the result was handed over.' }),
    field: z
      .string()
      .nullish()
      .meta({ description: `The procedure field, one of ${PROCEDURE_FIELD_CODES.join(', ')}; omit or null when unknown.` }),
    dossierCode: z
      .string()
      .trim()
      .min(1)
      .max(MAX_DOSSIER_CODE_LENGTH)
      .meta({ description: 'The dossier’s code in the dossier-management system. Never stored: only a keyed hash of it.' }),
  })
  .meta({ id: 'TicketRequest' })

/** The body: up to MAX_TICKETS_PER_CALL requests (more is refused with 413 before the items are read). */
export const MintRequestSchema = z
  .strictObject({ tickets: z.array(TicketRequestSchema).min(1).max(MAX_TICKETS_PER_CALL) })
  .meta({ id: 'MintRequest' })

const MintedTicketSchema = z
  .object({
    index: z.number().int().min(0).meta({ description: 'The position of the request this answers, from 0.' }),
    url: z.string().meta({ description: 'The ticket’s link (`/t/<token>`), for the QR code on the result slip.' }),
    nonce: z.string().meta({ description: 'The ticket’s identity.' }),
    expiresOn: z.string().meta({ description: 'The last day (YYYY-MM-DD, Vietnam) the ticket may be used.' }),
    created: z.boolean().meta({ description: 'false when this dossier already had its ticket: the same one comes back.' }),
  })
  .meta({ id: 'MintedTicket' })

export const MintAnswerSchema = z.object({ tickets: z.array(MintedTicketSchema) }).meta({ id: 'MintAnswer' })
export type MintAnswer = z.infer<typeof MintAnswerSchema>
