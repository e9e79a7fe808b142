import { beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { vietnamDay } from '~/responses/vietnam-time'
import { createUser } from '../../test/factories/accounts'
import { createAgency, createProvince, createServicePoint } from '../../test/factories/units'
import { createTicketIssuer, type TicketIssuer } from './issuers.server'
import { ticketKeys } from './keys.server'
import { type MintedTicket, mintTickets } from './mint.server'
import { verifyTicket } from './token'

/*
 * mintTickets against the database (docs/decisions/025-rating-tickets.md): one ticket per
 * dossier however often and however concurrently it is asked for, 500 in one statement, and
 * every refusal leaves the table as it was.
 */

let serial = 0
const dossier = () => `000.00.16.H26-241207-${String(++serial).padStart(5, '0')}`

let provinceIssuer: TicketIssuer
let agencyIssuer: TicketIssuer
let point: { code: string; id: string }
let otherAgencyPoint: { code: string }
let otherProvincePoint: { code: string }
let closedPoint: { code: string }

beforeAll(async () => {
  const province = await createProvince()
  const agency = await createAgency({ provinceId: province.id })
  const otherAgency = await createAgency({ provinceId: province.id })
  const otherProvince = await createProvince()
  point = await createServicePoint(agency)
  otherAgencyPoint = await createServicePoint(otherAgency)
  otherProvincePoint = await createServicePoint(await createAgency({ provinceId: otherProvince.id }))
  closedPoint = await createServicePoint(agency)
  await prisma.servicePoint.update({ where: { code: closedPoint.code }, data: { active: false } })
  const admin = await createUser({ role: 'ministry_admin' })
  const issue = async (agencyCode: string | null) => {
    const created = await createTicketIssuer(admin, { name: 'Một cửa điện tử', provinceId: province.id, agencyCode })
    if (!('issued' in created)) throw new Error('not issued')
    const row = await prisma.ticketIssuer.findUniqueOrThrow({ where: { id: created.issued.id } })
    return { id: row.id, provinceId: row.provinceId, agencyId: row.agencyId }
  }
  provinceIssuer = await issue(null)
  agencyIssuer = await issue(agency.code)
})

async function mint(issuer: TicketIssuer, requests: Parameters<typeof mintTickets>[1]): Promise<MintedTicket[]> {
  const result = await mintTickets(issuer, requests)
  if ('refused' in result) throw new Error(`refused: ${result.refused.code}`)
  return result.tickets
}

const tokenOf = (ticket: MintedTicket) => ticket.path.replace(/^\/t\//, '')

describe('minting', () => {
  test('a ticket names its service point, field and days, and is signed with the current key', async () => {
    const [ticket] = await mint(provinceIssuer, [{ servicePointCode: point.code, field: 'land', dossierCode: dossier() }])
    const today = vietnamDay(new Date())
    const check = verifyTicket(tokenOf(ticket!), ticketKeys(), today)
    expect(check).toMatchObject({ ok: true, keyId: ticketKeys().signing.id, claims: { servicePointCode: point.code, field: 'land', issuedOn: today, nonce: ticket!.nonce } })
    const row = await prisma.ratingTicket.findUniqueOrThrow({ where: { id: ticket!.nonce } })
    expect(row).toMatchObject({ servicePointId: point.id, field: 'land', issuerId: provinceIssuer.id, sheetId: null })
    // The default expiry: 14 days after the issue day.
    expect(Date.parse(ticket!.expiresOn) - Date.parse(today)).toBe(14 * 86_400_000)
    expect(ticket).toMatchObject({ index: 0, created: true })
  })

  test('the same dossier minted again gets the same ticket back, and no second row', async () => {
    const code = dossier()
    const [first] = await mint(provinceIssuer, [{ servicePointCode: point.code, field: null, dossierCode: code }])
    const before = await prisma.ratingTicket.count()
    const [again] = await mint(provinceIssuer, [{ servicePointCode: point.code, dossierCode: ` ${code} ` }])
    expect(again).toEqual({ ...first, created: false })
    expect(await prisma.ratingTicket.count()).toBe(before)
    // Even through another issuer of the province, for another service point.
    const [third] = await mint(agencyIssuer, [{ servicePointCode: point.code, field: 'justice', dossierCode: code }])
    expect(third!.path).toBe(first!.path)
  })

  test('a dossier twice in one call is one ticket, created by its first request', async () => {
    const code = dossier()
    const tickets = await mint(provinceIssuer, [
      { servicePointCode: point.code, dossierCode: code },
      { servicePointCode: point.code, dossierCode: dossier() },
      { servicePointCode: point.code, dossierCode: code },
    ])
    expect(tickets.map((ticket) => ticket.created)).toEqual([true, true, false])
    expect(tickets[2]!.nonce).toBe(tickets[0]!.nonce)
    expect(await prisma.ratingTicket.count({ where: { id: { in: tickets.map((ticket) => ticket.nonce) } } })).toBe(2)
  })

  test('500 dossiers in one call are 500 tickets, in the order asked; again, the same 500', async () => {
    const codes = Array.from({ length: 500 }, dossier)
    const before = await prisma.ratingTicket.count()
    const tickets = await mint(provinceIssuer, codes.map((dossierCode) => ({ servicePointCode: point.code, field: 'certification', dossierCode })))
    expect(tickets.map((ticket) => ticket.index)).toEqual(codes.map((_, index) => index))
    expect(tickets.every((ticket) => ticket.created)).toBe(true)
    expect(new Set(tickets.map((ticket) => ticket.nonce)).size).toBe(500)
    expect(await prisma.ratingTicket.count()).toBe(before + 500)
    const again = await mint(provinceIssuer, codes.map((dossierCode) => ({ servicePointCode: point.code, dossierCode })))
    expect(again).toEqual(tickets.map((ticket) => ({ ...ticket, created: false })))
    expect(await prisma.ratingTicket.count()).toBe(before + 500)
  })

  test('concurrent mints of one dossier give one ticket', async () => {
    const code = dossier()
    const before = await prisma.ratingTicket.count()
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, at) =>
        mint(at % 2 ? provinceIssuer : agencyIssuer, [
          { servicePointCode: point.code, dossierCode: dossier() },
          { servicePointCode: point.code, dossierCode: code },
        ]),
      ),
    )
    const shared = results.map((tickets) => tickets[1]!)
    expect(new Set(shared.map((ticket) => ticket.path)).size).toBe(1)
    expect(shared.filter((ticket) => ticket.created)).toHaveLength(1)
    expect(await prisma.ratingTicket.count()).toBe(before + 8 + 1)
  })
})

describe('refusals change nothing', () => {
  test.each([
    ['a service point of another province', () => ({ issuer: provinceIssuer, code: otherProvincePoint.code }), 403, 'outside_issuer_scope'],
    ['another agency’s service point for an agency’s token', () => ({ issuer: agencyIssuer, code: otherAgencyPoint.code }), 403, 'outside_issuer_scope'],
    ['a closed service point', () => ({ issuer: provinceIssuer, code: closedPoint.code }), 422, 'service_point_inactive'],
    ['an unknown service point', () => ({ issuer: provinceIssuer, code: 'NO.SUCH-POINT' }), 422, 'unknown_service_point'],
  ])('%s refuses the whole call', async (_, given, status, code) => {
    const { issuer, code: servicePointCode } = given()
    const before = await prisma.ratingTicket.count()
    const result = await mintTickets(issuer, [
      { servicePointCode: point.code, dossierCode: dossier() },
      { servicePointCode, dossierCode: dossier() },
    ])
    expect(result).toEqual({ refused: { status, code, params: { index: 1, servicePointCode } } })
    expect(await prisma.ratingTicket.count()).toBe(before)
  })

  test('an unknown procedure field refuses the whole call', async () => {
    const before = await prisma.ratingTicket.count()
    const result = await mintTickets(provinceIssuer, [{ servicePointCode: point.code, field: 'astrology', dossierCode: dossier() }])
    expect(result).toEqual({ refused: { status: 422, code: 'unknown_procedure_field', params: { index: 0, field: 'astrology' } } })
    expect(await prisma.ratingTicket.count()).toBe(before)
  })
})
