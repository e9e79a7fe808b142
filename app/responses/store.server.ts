import { prisma } from '~/db.server'
import type { Channel } from '~/generated/prisma/enums'

/** A validated response ready to store (every channel ends here). */
export type StoredResponse = {
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
  answers: { itemId: number; value: number }[]
  comment: { itemCode: string; text: string } | null
}

/**
 * Stores responses, their answers and the rollups in ONE transaction, so a dashboard never sees
 * an answer without its count and an acknowledged response is never half-written. Set-based SQL
 * (unnest) keeps a batch to a handful of statements whatever its size.
 */
export async function insertResponses(responses: readonly StoredResponse[]): Promise<void> {
  if (responses.length === 0) return
  const ids = responses.map((r) => r.id)
  const answers = responses.flatMap((r) => r.answers.map((a) => ({ responseId: r.id, ...a })))
  const comments = responses.flatMap((r) => (r.comment ? [{ responseId: r.id, ...r.comment }] : []))
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Response" (id, "receiptId", "bodyHash", "versionId", "campaignId", "servicePointId", "agencyId",
        "provinceId", channel, language, "submittedOn", "submittedAt", "durationSeconds", flags, weight, "kioskId")
      SELECT * FROM unnest(
        ${ids}::uuid[], ${responses.map((r) => r.receiptId)}::text[], ${responses.map((r) => r.bodyHash)}::text[],
        ${responses.map((r) => r.versionId)}::text[], ${responses.map((r) => r.campaignId)}::text[],
        ${responses.map((r) => r.servicePointId)}::text[], ${responses.map((r) => r.agencyId)}::text[],
        ${responses.map((r) => r.provinceId)}::text[], ${responses.map((r) => r.channel)}::"Channel"[],
        ${responses.map((r) => r.language)}::text[], ${responses.map((r) => r.submittedOn)}::date[],
        ${responses.map((r) => r.submittedAt?.toISOString() ?? null)}::timestamp[],
        ${responses.map((r) => r.durationSeconds)}::int[], ${responses.map((r) => r.flags)}::int[],
        ${responses.map((r) => r.weight)}::float8[], ${responses.map((r) => r.kioskId)}::text[])`
    await tx.$executeRaw`
      INSERT INTO "Answer" ("responseId", "itemId", value)
      SELECT * FROM unnest(${answers.map((a) => a.responseId)}::uuid[], ${answers.map((a) => a.itemId)}::int[],
        ${answers.map((a) => a.value)}::int[])`
    if (comments.length) {
      await tx.$executeRaw`
        INSERT INTO "Comment" ("responseId", "itemCode", text)
        SELECT * FROM unnest(${comments.map((c) => c.responseId)}::uuid[], ${comments.map((c) => c.itemCode)}::text[],
          ${comments.map((c) => c.text)}::text[])`
    }
    await tx.$executeRaw`
      INSERT INTO "AnswerRollup" (month, "servicePointId", "agencyId", "provinceId", "versionId", "itemId", value,
        channel, flags, n, "sumW", "sumW2")
      SELECT date_trunc('month', r."submittedOn")::date, r."servicePointId", r."agencyId", r."provinceId",
        r."versionId", a."itemId", a.value, r.channel, r.flags, count(*), sum(r.weight), sum(r.weight * r.weight)
      FROM "Answer" a JOIN "Response" r ON r.id = a."responseId"
      WHERE r.id = ANY(${ids}::uuid[])
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
      ON CONFLICT (month, "servicePointId", "itemId", value, channel, flags, "agencyId", "provinceId") DO UPDATE
      SET n = "AnswerRollup".n + EXCLUDED.n, "sumW" = "AnswerRollup"."sumW" + EXCLUDED."sumW",
        "sumW2" = "AnswerRollup"."sumW2" + EXCLUDED."sumW2"`
    await tx.$executeRaw`
      INSERT INTO "ResponseRollup" (month, "servicePointId", "agencyId", "provinceId", "versionId", channel, flags,
        n, "sumW", "sumW2")
      SELECT date_trunc('month', r."submittedOn")::date, r."servicePointId", r."agencyId", r."provinceId",
        r."versionId", r.channel, r.flags, count(*), sum(r.weight), sum(r.weight * r.weight)
      FROM "Response" r WHERE r.id = ANY(${ids}::uuid[])
      GROUP BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (month, "servicePointId", "versionId", channel, flags, "agencyId", "provinceId") DO UPDATE
      SET n = "ResponseRollup".n + EXCLUDED.n, "sumW" = "ResponseRollup"."sumW" + EXCLUDED."sumW",
        "sumW2" = "ResponseRollup"."sumW2" + EXCLUDED."sumW2"`
  })
}
