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
  answers: { itemId: number; value: number }[]
  comment: { itemCode: string; text: string } | null
}

/** What happened to one response: written now, or its id was already stored (with that row's hash and receipt). */
export type InsertOutcome =
  | { id: string; inserted: true }
  | { id: string; inserted: false; stored: { bodyHash: string; receiptId: string } }

/**
 * Stores responses, their answers, comments and the rollups in ONE statement (so one
 * transaction): a dashboard never sees an answer without its count and an acknowledged response
 * is never half-written. Set-based SQL (unnest) keeps the cost per batch, not per row.
 *
 * Idempotent by id: `ON CONFLICT (id) DO NOTHING`, and only the responses actually inserted get
 * answers and rollup counts. A concurrent insert of the same id waits on the unique index until
 * the other transaction ends, so exactly one wins — never check-then-insert. For ids that were
 * already stored, the stored hash and receipt are read back afterwards (a statement of its own:
 * the insert's snapshot cannot see a row committed by the transaction it waited for).
 *
 * The ids within one call must differ (a duplicate throws).
 */
export async function insertResponses(responses: readonly StoredResponse[]): Promise<InsertOutcome[]> {
  if (responses.length === 0) return []
  const ids = responses.map((r) => r.id)
  if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) throw new Error('insertResponses: the same id twice in one batch')
  const answers = responses.flatMap((r) => r.answers.map((a) => ({ responseId: r.id, ...a })))
  const comments = responses.flatMap((r) => (r.comment ? [{ responseId: r.id, ...r.comment }] : []))

  const inserted = await prisma.$queryRaw<{ id: string }[]>`
    WITH r AS (
      INSERT INTO "Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId",
        "provinceId", channel, language, "submittedOn", "submittedAt", "durationSeconds", flags, weight, "kioskId",
        "paperSheetId")
      SELECT * FROM unnest(
        ${ids}::uuid[], ${responses.map((r) => r.receiptId)}::text[], ${responses.map((r) => r.bodyHash)}::text[],
        ${responses.map((r) => r.versionId)}::text[], ${responses.map((r) => r.campaignId)}::text[],
        ${responses.map((r) => r.servicePointId)}::text[], ${responses.map((r) => r.agencyId)}::text[],
        ${responses.map((r) => r.provinceId)}::text[], ${responses.map((r) => r.channel)}::"Channel"[],
        ${responses.map((r) => r.language)}::text[], ${responses.map((r) => r.submittedOn)}::date[],
        ${responses.map((r) => r.submittedAt?.toISOString() ?? null)}::timestamp[],
        ${responses.map((r) => r.durationSeconds)}::int[], ${responses.map((r) => r.flags)}::int[],
        ${responses.map((r) => r.weight)}::float8[], ${responses.map((r) => r.kioskId)}::text[],
        ${responses.map((r) => r.paperSheetId ?? null)}::text[])
      ON CONFLICT (id) DO NOTHING
      RETURNING id, "submittedOn", "servicePointId", "agencyId", "provinceId", "versionId", channel, flags, weight
    ),
    a AS (
      INSERT INTO "Answer" ("responseId", "itemId", value)
      SELECT x.rid, x.item, x.value
      FROM unnest(${answers.map((a) => a.responseId)}::uuid[], ${answers.map((a) => a.itemId)}::int[],
        ${answers.map((a) => a.value)}::int[]) AS x(rid, item, value)
      WHERE x.rid IN (SELECT id FROM r)
      RETURNING "responseId", "itemId", value
    ),
    c AS (
      INSERT INTO "Comment" ("responseId", "itemCode", text)
      SELECT x.rid, x.code, x.text
      FROM unnest(${comments.map((c) => c.responseId)}::uuid[], ${comments.map((c) => c.itemCode)}::text[],
        ${comments.map((c) => c.text)}::text[]) AS x(rid, code, text)
      WHERE x.rid IN (SELECT id FROM r)
    ),
    -- ORDER BY: concurrent writers then lock rollup rows in the same order (no deadlock).
    ar AS (
      INSERT INTO "AnswerRollup" (month, "servicePointId", "agencyId", "provinceId", "itemId", value, flags, n, "sumW",
        "sumW2")
      SELECT date_trunc('month', r."submittedOn")::date, r."servicePointId", r."agencyId", r."provinceId",
        a."itemId", a.value, r.flags, count(*), sum(r.weight), sum(r.weight * r.weight)
      FROM a JOIN r ON r.id = a."responseId"
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (month, "servicePointId", "itemId", value, flags, "agencyId", "provinceId") DO UPDATE
      SET n = "AnswerRollup".n + EXCLUDED.n, "sumW" = "AnswerRollup"."sumW" + EXCLUDED."sumW",
        "sumW2" = "AnswerRollup"."sumW2" + EXCLUDED."sumW2"
    ),
    rr AS (
      INSERT INTO "ResponseRollup" (month, "servicePointId", "agencyId", "provinceId", "versionId", channel, flags,
        n, "sumW", "sumW2")
      SELECT date_trunc('month', r."submittedOn")::date, r."servicePointId", r."agencyId", r."provinceId",
        r."versionId", r.channel, r.flags, count(*), sum(r.weight), sum(r.weight * r.weight)
      FROM r
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (month, "servicePointId", "versionId", channel, flags, "agencyId", "provinceId") DO UPDATE
      SET n = "ResponseRollup".n + EXCLUDED.n, "sumW" = "ResponseRollup"."sumW" + EXCLUDED."sumW",
        "sumW2" = "ResponseRollup"."sumW2" + EXCLUDED."sumW2"
    )
    SELECT id::text AS id FROM r`

  // PostgreSQL prints uuids in lower case.
  const insertedIds = new Set(inserted.map((row) => row.id))
  const existing = ids.filter((id) => !insertedIds.has(id.toLowerCase()))
  const stored = existing.length
    ? new Map(
        (
          await prisma.$queryRaw<{ id: string; bodyHash: string; receiptId: string }[]>`
            SELECT id::text AS id, "bodyHash", "receiptId" FROM "Response" WHERE id = ANY(${existing}::uuid[])`
        ).map((row) => [row.id, { bodyHash: row.bodyHash, receiptId: row.receiptId }]),
      )
    : new Map<string, { bodyHash: string; receiptId: string }>()

  return ids.map((id): InsertOutcome => {
    if (insertedIds.has(id.toLowerCase())) return { id, inserted: true }
    const row = stored.get(id.toLowerCase())
    if (!row) throw new Error(`insertResponses: ${id} was neither inserted nor found`)
    return { id, inserted: false, stored: row }
  })
}
