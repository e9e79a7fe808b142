/*
 * `npm run bench:tickets` — minting rating tickets in bulk (docs/decisions/025-rating-tickets.md).
 *
 * Workload: BENCH_TICKETS (default 100,000) dossiers of one province, spread over its service
 * points (11 in the bench's units, bench/load-responses.ts), minted through mintTickets (app/tickets/mint.server.ts, in this process: the domain
 * function POST /api/v1/tickets calls, without HTTP, the token check or the rate limit) in calls
 * of 500, first by one caller, then the same dossiers again (every ticket already exists: the
 * idempotent path), then fresh dossiers by BENCH_CALLERS (default 4) concurrent callers. Next to
 * it, in the same run on the same database and table (emptied between runs): raw INSERTs of the
 * same RatingTicket rows in statements of 500 (unnest, as mintTickets does, with the ids and
 * hashes computed beforehand and nothing read back or signed) — what PostgreSQL alone costs.
 *
 * Database as in bench/support.ts (a fresh one on BENCH_DATABASE_URL, dropped after).
 */
import { createHmac, randomBytes } from 'node:crypto'
import { createUnitsAndQuestionnaire, openLoadDatabase } from './load-responses'
import { benchDatabase, linePrinter, loadAverage, seconds, time } from './support'

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000)
const CALLERS = Number(process.env.BENCH_CALLERS ?? 4)
const CALL_SIZE = 500
const FIELDS = ['land', 'civil_status', 'certification', 'construction', 'business_registration', null]

const started = performance.now()
const { url, drop } = await benchDatabase('sipas_bench_tickets')
const line = linePrinter(64)

try {
  const { sql, close } = await openLoadDatabase(url)
  const { servicePoints } = await createUnitsAndQuestionnaire(2026)
  const { prisma } = await import('~/db.server')
  const { mintTickets } = await import('~/tickets/mint.server')
  const provinceId = servicePoints[0]!.provinceId
  const points = await prisma.servicePoint.findMany({ where: { provinceId }, select: { id: true, code: true }, take: 50 })
  const issuer = { id: 'bench-issuer', provinceId, agencyId: null }
  await prisma.ticketIssuer.create({
    data: { ...issuer, name: 'bench', tokenHash: 'bench', prefix: 'sipas_tk_bench', createdById: 'bench' },
    select: { id: true },
  })

  let serial = 0
  const requests = (count: number) =>
    Array.from({ length: count }, () => {
      const n = serial++
      return { servicePointCode: points[n % points.length]!.code, field: FIELDS[n % FIELDS.length], dossierCode: `000.00.16.H26-261207-${String(n).padStart(7, '0')}` }
    })
  const callsOf = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CALL_SIZE) }, (_, at) => items.slice(at * CALL_SIZE, (at + 1) * CALL_SIZE))
  const emptyTickets = () => sql.query('TRUNCATE "RatingTicket"')

  console.log(`Load average before: ${loadAverage()}`)
  line('workload', `${TICKETS.toLocaleString('en')} tickets, calls of ${CALL_SIZE}, ${points.length} service points, 1 province`)

  // PostgreSQL alone: the same rows, the same statement shape, everything computed beforehand.
  const key = randomBytes(32)
  const rawRows = requests(TICKETS).map((request) => ({
    id: randomBytes(16).toString('base64url'),
    point: points.find((point) => point.code === request.servicePointCode)!.id,
    field: request.field,
    hash: createHmac('sha256', key).update(`${provinceId}\u0000${request.dossierCode}`).digest('base64url'),
  }))
  const raw = await time(async () => {
    for (const rows of callsOf(rawRows)) {
      await sql.query(
        `INSERT INTO "RatingTicket" (id, "servicePointId", field, "issuedOn", "expiresOn", "keyId", "dossierHash", "issuerId")
         SELECT x.id, x.point, x.field, current_date, current_date + 14, 'k0', x.hash, $5
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS x(id, point, field, hash)`,
        [rows.map((row) => row.id), rows.map((row) => row.point), rows.map((row) => row.field), rows.map((row) => row.hash), issuer.id],
      )
    }
  })
  line('raw INSERT … SELECT unnest, 500 rows a statement (pg client)', `${seconds(raw)}, ${rate(TICKETS, raw)}`)
  const { rows: size } = await sql.query<{ bytes: string }>(`SELECT pg_total_relation_size('"RatingTicket"') AS bytes`)
  line('RatingTicket table with indexes after the run', `${(Number(size[0]!.bytes) / 1024 / 1024).toFixed(1)} MB`)
  await emptyTickets()

  const mint = async (batch: ReturnType<typeof requests>) => {
    const result = await mintTickets(issuer, batch)
    if ('refused' in result) throw new Error(`refused: ${result.refused.code}`)
    return result.tickets.filter((ticket) => ticket.created).length
  }
  serial = 0
  const dossiers = requests(TICKETS)
  let created = 0
  const first = await time(async () => {
    for (const batch of callsOf(dossiers)) created += await mint(batch)
  })
  line('mintTickets, one caller (new dossiers)', `${seconds(first)}, ${rate(TICKETS, first)}; ${created.toLocaleString('en')} created`)
  line('  rate ÷ raw INSERT rate', ratio(raw / first))
  let again = 0
  const replay = await time(async () => {
    for (const batch of callsOf(dossiers)) again += await mint(batch)
  })
  line('mintTickets again, same dossiers (every ticket exists)', `${seconds(replay)}, ${rate(TICKETS, replay)}; ${again} created`)
  await emptyTickets()

  const fresh = callsOf(requests(TICKETS))
  let next = 0
  const concurrent = await time(() =>
    Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (next < fresh.length) await mint(fresh[next++]!)
      }),
    ),
  )
  line(`mintTickets, ${CALLERS} concurrent callers (new dossiers)`, `${seconds(concurrent)}, ${rate(TICKETS, concurrent)}`)
  line('  rate ÷ raw INSERT rate', ratio(raw / concurrent))
  const { rows: count } = await sql.query<{ n: string }>('SELECT count(*) AS n FROM "RatingTicket"')
  line('  rows in RatingTicket (expected: the workload)', Number(count[0]!.n).toLocaleString('en'))
  console.log(`Load average after: ${loadAverage()}`)
  line('total benchmark time', seconds(performance.now() - started))
  await close()
} finally {
  await drop()
}
process.exit(0)

function rate(count: number, ms: number) {
  return `${Math.round(count / (ms / 1000)).toLocaleString('en')} tickets/s`
}

function ratio(value: number) {
  return `${value.toFixed(2)} ×`
}
