import { type ArrayElement, arrayLiteral } from '~/db/array-literal'
import { prisma } from '~/db.server'
import type { Channel } from '~/generated/prisma/enums'

/** A validated response ready to store (every channel ends here). */
export type StoredResponse = {
  /** Chosen by the client (UUID v4): a retry carries the same id. */
  id: string
  receiptId: string
  bodyHash: string
  versionId: string
  campaignId: string
  servicePointId: string
  agencyId: string
  provinceId: string
  channel: Channel
  language: string
  /** The Vietnamese calendar day, YYYY-MM-DD. */
  submittedOn: string
  submittedAt: Date | null
  durationSeconds: number | null
  flags: number
  weight: number
  kioskId: string | null
  paperSheetId?: string | null
  /** The rating ticket's nonce (app/tickets): unique, so a ticket gives one response. */
  ticketId?: string | null
  /** The short-form block answered (docs/decisions/027-short-forms.md); null or absent = the full form. */
  formBlock?: number | null
  /** Coded answers as stored (ADR 014): item id and value at the same position; one pair per multi-select option. */
  answerItemIds: number[]
  answerValues: number[]
  comment: { itemCode: string; text: string } | null
  /**
   * The burst windows the response counts in (burst-windows.server.ts) and its time there: a
   * RecentSubmission row each, written with the response. None for paper or offline answers.
   */
  recent?: { at: Date; keys: readonly string[] }
  /**
   * The case the response opens for its agency (app/cases), written with it so an acknowledged
   * dissatisfied comment always has its case: its id and its deadline (YYYY-MM-DD).
   */
  case?: { id: string; dueOn: string } | null
}

/** What happened to one response: written now, or its id was already stored (with that row's hash and receipt). */
export type InsertOutcome =
  | { id: string; inserted: true }
  | { id: string; inserted: false; stored: { bodyHash: string; receiptId: string } }

/**
 * Stores responses (their coded answers are arrays on the row, ADR 014), comments, their burst-window
 * rows and their place in the rollup queue in ONE statement (so one transaction): an acknowledged response is never
 * half-written, and the fold that adds it to the rollups finds it (every reader folds first, so
 * no figure misses it). Set-based SQL (unnest) keeps the cost per batch, not per row.
 *
 * Idempotent by id: `ON CONFLICT (id) DO NOTHING`, and only the responses actually inserted get
 * a comment and a queue entry. A concurrent insert of the same id waits on the unique index until
 * the other transaction ends, so exactly one wins — never check-then-insert. For ids that were
 * already stored, the stored hash and receipt are read back afterwards (a statement of its own:
 * the insert's snapshot cannot see a row committed by the transaction it waited for).
 *
 * The ids within one call must differ (a duplicate throws). One outcome per response, in the
 * order given.
 */
export async function insertResponses(batch: readonly StoredResponse[]): Promise<InsertOutcome[]> {
  if (batch.length === 0) return []
  // In id order: two batches written at once then take the unique index's locks in the same
  // order, so a replay in each of the other's ids waits instead of deadlocking.
  const responses = [...batch].sort((a, b) => compareIds(a.id, b.id))
  const ids = responses.map((r) => r.id)
  if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length)
    throw new Error('insertResponses: the same id twice in one batch')
  const comments = responses.flatMap((r) => (r.comment ? [{ responseId: r.id, ...r.comment }] : []))
  const windows = responses.flatMap((r) => (r.recent ? r.recent.keys.map((key) => ({ responseId: r.id, key, at: r.recent!.at })) : []))
  const cases = responses.flatMap((r) => (r.case ? [{ responseId: r.id, ...r.case }] : []))
  const column = (pick: (response: StoredResponse) => ArrayElement) => arrayLiteral(responses.map(pick))

  const inserted = await prisma.$queryRaw<{ id: string }[]>`
    WITH r AS (
      INSERT INTO "Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId",
        "provinceId", channel, language, "submittedOn", "submittedAt", "durationSeconds", flags, weight, "kioskId",
        "paperSheetId", "ticketId", "formBlock", "answerItemIds", "answerValues")
      SELECT x.id, x.receipt, x.hash, x.version, x.campaign, x.point, x.agency, x.province, x.channel, x.language,
        x.day, x.at, x.duration, x.flags, x.weight, x.kiosk, x.sheet, x.ticket, x.block, x.items::int[], x.vals::int[]
      FROM unnest(
        ${arrayLiteral(ids)}::uuid[], ${column((r) => r.receiptId)}::text[], ${column((r) => r.bodyHash)}::text[],
        ${column((r) => r.versionId)}::text[], ${column((r) => r.campaignId)}::text[],
        ${column((r) => r.servicePointId)}::text[], ${column((r) => r.agencyId)}::text[],
        ${column((r) => r.provinceId)}::text[], ${column((r) => r.channel)}::"Channel"[],
        ${column((r) => r.language)}::text[], ${column((r) => r.submittedOn)}::date[],
        ${column((r) => r.submittedAt?.toISOString() ?? null)}::timestamp[],
        ${column((r) => r.durationSeconds)}::int[], ${column((r) => r.flags)}::int[],
        ${column((r) => r.weight)}::float8[], ${column((r) => r.kioskId)}::text[],
        ${column((r) => r.paperSheetId ?? null)}::text[], ${column((r) => r.ticketId ?? null)}::text[],
        ${column((r) => r.formBlock ?? null)}::smallint[],
        -- Each response's answer arrays travel as one array literal per response ('{12,13}'): PostgreSQL
        -- arrays of arrays must be rectangular.
        ${column((r) => arrayLiteral(r.answerItemIds))}::text[],
        ${column((r) => arrayLiteral(r.answerValues))}::text[]
      ) AS x(id, receipt, hash, version, campaign, point, agency, province, channel, language, day, at, duration, flags,
        weight, kiosk, sheet, ticket, block, items, vals)
      ON CONFLICT (id) DO NOTHING
      RETURNING id, "agencyId", "provinceId", "servicePointId", "submittedOn"
    ),
    c AS (
      INSERT INTO "Comment" ("responseId", "itemCode", text)
      SELECT x.rid, x.code, x.text
      FROM unnest(${arrayLiteral(comments.map((c) => c.responseId))}::uuid[],
        ${arrayLiteral(comments.map((c) => c.itemCode))}::text[], ${arrayLiteral(comments.map((c) => c.text))}::text[])
        AS x(rid, code, text)
      WHERE x.rid IN (SELECT id FROM r)
    ),
    w AS (
      INSERT INTO "RecentSubmission" (key, at)
      SELECT x.key, x.at
      FROM unnest(${arrayLiteral(windows.map((w) => w.responseId))}::uuid[], ${arrayLiteral(windows.map((w) => w.key))}::text[],
        ${arrayLiteral(windows.map((w) => w.at.toISOString()))}::timestamp[]) AS x(rid, key, at)
      WHERE x.rid IN (SELECT id FROM r)
    ),
    k AS (
      INSERT INTO "FeedbackCase" (id, "responseId", "agencyId", "provinceId", "servicePointId", "openedOn", "dueOn", "updatedAt")
      SELECT x.id, r.id, r."agencyId", r."provinceId", r."servicePointId", r."submittedOn", x.due, now()
      FROM unnest(${arrayLiteral(cases.map((c) => c.id))}::text[], ${arrayLiteral(cases.map((c) => c.responseId))}::uuid[],
        ${arrayLiteral(cases.map((c) => c.dueOn))}::date[]) AS x(id, rid, due)
      JOIN r ON r.id = x.rid
    ),
    -- The rollups are added later, by a fold of many responses at once (rollup-fold.server.ts).
    p AS (INSERT INTO "PendingRollup" ("responseId") SELECT id FROM r)
    SELECT id::text AS id FROM r`

  // PostgreSQL prints uuids in lower case.
  const insertedIds = new Set(inserted.map((row) => row.id))
  const existing = ids.filter((id) => !insertedIds.has(id.toLowerCase()))
  const stored = existing.length
    ? new Map(
        (
          await prisma.$queryRaw<{ id: string; bodyHash: string; receiptId: string }[]>`
            SELECT id::text AS id, "bodyHash", "receiptId" FROM "Response" WHERE id = ANY(${arrayLiteral(
              existing
            )}::uuid[])`
        ).map((row) => [row.id, { bodyHash: row.bodyHash, receiptId: row.receiptId }])
      )
    : new Map<string, { bodyHash: string; receiptId: string }>()

  return batch.map(({ id }): InsertOutcome => {
    if (insertedIds.has(id.toLowerCase())) return { id, inserted: true }
    const row = stored.get(id.toLowerCase())
    if (!row) throw new Error(`insertResponses: ${id} was neither inserted nor found`)
    return { id, inserted: false, stored: row }
  })
}

function compareIds(a: string, b: string) {
  const x = a.toLowerCase()
  const y = b.toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}
