import { recordAudit } from '~/audit/audit.server'
import { prisma } from '~/db.server'
import { vietnamDay } from '~/responses/vietnam-time'
import { newTicketClaims } from './issue'
import { ticketKeys } from './keys.server'
import { getTicketSettings } from './settings.server'
import { signTicket } from './token'

/*
 * A printed sheet of single-use rating tickets for a desk without a dossier system
 * (docs/decisions/025-rating-tickets.md): a clerk cuts one off and hands it over with each
 * result. The sheet names the service point, the day and how many; nothing about citizens.
 */

export type PrintedSheet = {
  sheetId: string
  servicePointId: string
  servicePoint: { code: string; name: string; nameEn: string }
  /** YYYY-MM-DD: the tickets' issue day and last day. */
  issuedOn: string
  expiresOn: string
  tokens: string[]
}

/**
 * One TicketSheet row and `count` RatingTicket rows in one transaction, and the audit event.
 * The caller has checked that `printedById` may print for the service point.
 */
export async function printTicketSheet(input: {
  servicePointId: string
  field: string | null
  count: number
  printedById: string
  now?: Date
}): Promise<PrintedSheet> {
  const now = input.now ?? new Date()
  const issuedOn = vietnamDay(now)
  const [servicePoint, settings] = await Promise.all([
    prisma.servicePoint.findUniqueOrThrow({ where: { id: input.servicePointId }, select: { code: true, name: true, nameEn: true } }),
    getTicketSettings(now.getTime()),
  ])
  const key = ticketKeys().signing
  const claims = Array.from({ length: input.count }, () =>
    newTicketClaims({ servicePointCode: servicePoint.code, field: input.field, issuedOn, expiryDays: settings.expiryDays }),
  )
  const sheetId = crypto.randomUUID()
  const day = new Date(`${issuedOn}T00:00:00Z`)
  const expiresOn = claims[0]?.expiresOn ?? issuedOn
  await prisma.$transaction(async (tx) => {
    await tx.ticketSheet.create({
      data: { id: sheetId, servicePointId: input.servicePointId, day, count: input.count, printedById: input.printedById },
      select: { id: true },
    })
    await tx.ratingTicket.createMany({
      data: claims.map((ticket) => ({
        id: ticket.nonce,
        servicePointId: input.servicePointId,
        field: ticket.field,
        issuedOn: day,
        expiresOn: new Date(`${ticket.expiresOn}T00:00:00Z`),
        keyId: key.id,
        sheetId,
      })),
    })
    await recordAudit(
      'tickets.sheet_printed',
      { actorId: input.printedById, target: `ticket_sheet:${sheetId}`, details: { servicePointId: input.servicePointId, field: input.field, count: input.count } },
      tx,
    )
  })
  return {
    sheetId,
    servicePointId: input.servicePointId,
    servicePoint,
    issuedOn,
    expiresOn,
    tokens: claims.map((ticket) => signTicket(ticket, key)),
  }
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10)

/**
 * A printed sheet again, its tickets signed again from their rows (a signature depends only on
 * what the ticket says and the key): to print it once more when the printer jams. Null when there
 * is no such sheet or the key that signed it has been retired.
 */
export async function getPrintedSheet(sheetId: string): Promise<PrintedSheet | null> {
  const sheet = await prisma.ticketSheet.findUnique({ where: { id: sheetId }, select: { servicePointId: true } })
  if (!sheet) return null
  const [servicePoint, tickets] = await Promise.all([
    prisma.servicePoint.findUniqueOrThrow({ where: { id: sheet.servicePointId }, select: { code: true, name: true, nameEn: true } }),
    prisma.ratingTicket.findMany({
      where: { sheetId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, field: true, issuedOn: true, expiresOn: true, keyId: true },
    }),
  ])
  const first = tickets[0]
  const key = first && ticketKeys().verifying.find((candidate) => candidate.id === first.keyId)
  if (!first || !key) return null
  return {
    sheetId,
    servicePointId: sheet.servicePointId,
    servicePoint,
    issuedOn: isoDay(first.issuedOn),
    expiresOn: isoDay(first.expiresOn),
    tokens: tickets.map((ticket) =>
      signTicket(
        { servicePointCode: servicePoint.code, field: ticket.field, issuedOn: isoDay(ticket.issuedOn), expiresOn: isoDay(ticket.expiresOn), nonce: ticket.id },
        key,
      ),
    ),
  }
}
