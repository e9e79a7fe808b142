import { createHash, randomFillSync } from 'node:crypto'
import { caseToOpen } from '~/cases/open.server'
import type { Channel } from '~/generated/prisma/enums'
import type { Language } from '~/i18n/config'
import { RESPONSE_MARKS } from '~/quality/flags'
import { getQualitySettings } from '~/quality/settings.server'
import { askedDefinition, askedFormBlock, usesShortForm } from '~/questionnaire/asked-form'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { askedItemCodes } from '~/questionnaire/short-form'
import { ticketAnswers, withTicketAnswers } from '~/tickets/answers'
import { answerIssues, answersSchema, formAnswersSchema, itemIndex, type SubmittedAnswers } from './answers'
import {
  databaseGuard,
  type DatabaseGuard,
  databaseUnavailable,
  isDatabaseUnavailable,
  SUBMISSION_DEADLINE_MS,
} from './database-errors.server'
import { type FORMS, KIOSK_ONLY_FIELDS, parseEnvelope, type SubmissionEnvelope } from './envelope'
import { SubmissionError } from './errors'
import { countWindows, pruneRecentSubmissionsSoon } from './burst-windows.server'
import { answerFacts } from './flags'
import { createGroupCommit } from './group-commit'
import { canonicalJson, canonicalJsonOfKnownKeys } from './json'
import { assessQuality, OFFLINE_AFTER_MS, type QualityAssessment } from './quality.server'
import { scrubPersonalNumbers } from './scrub'
import { notifyResponsesStored } from './stored-events'
import { type InsertOutcome, insertResponses, type StoredResponse } from './store.server'
import { requireTicketAt } from './ticket.server'
import { requireTargetVersion, resolveTarget, type SubmissionTarget, type SubmissionVersion } from './target.server'
import { vietnamDay } from './vietnam-time'

/*
 * The submission contract, one module for every channel (JSON API, survey form, paper entry):
 * validate → resolve the campaign → flag → store idempotently by the client's id.
 *   201 stored now · 200 the same body was already stored (same receipt) · 409 the id is taken by
 *   another body · 4xx refused, nothing written · 503 the database is unavailable (within 2 s).
 * Decisions: docs/decisions/006-submissions.md.
 */

export type SubmissionContext = {
  /** Who the caller vouches for: kiosk (device token), paper (clerk), or phone/web (anyone). */
  channel: Channel
  kioskId?: string | null
  /** The kiosk's own service point: a kiosk may only submit for it. */
  kioskServicePointId?: string | null
  /** The request's language, stored when the envelope does not say. */
  language: Language
  /** The submission instant (default: now). */
  now?: Date
  /**
   * The day the questionnaire was answered (YYYY-MM-DD), when it is not the day in Vietnam at
   * `now`: a paper sheet keyed days later. The campaign is the one running on that day.
   */
  submittedOn?: string
  paperSheetId?: string | null
  /**
   * Paper: the short-form block code printed on the sheet and keyed by the clerk (null when none
   * was keyed). Other channels' blocks are drawn from the response id; a client never says.
   */
  paperFormBlock?: string | null
  /** Answer (or 503) by this epoch-ms instant; default SUBMISSION_DEADLINE_MS from the call. */
  deadline?: number
  /**
   * Kiosks: an answer to a version that a campaign at the service point asked within this many
   * days before the answer's day is still taken (docs/decisions/019-kiosk.md).
   */
  versionGraceDays?: number
}

/** The longest a kiosk may hold an answer offline before sending it. */
export const MAX_OFFLINE_DAYS = 31
/** Clock differences between a kiosk and the server tolerated in `completedAt`. */
const CLOCK_SKEW_MS = 5 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

type Form = (typeof FORMS)[number]

export type SubmissionResult = { status: 201 | 200; id: string; receiptId: string }

/** Throws SubmissionError (status, code) on every refusal; anything else is a bug (500). */
export async function submitResponse(body: unknown, context: SubmissionContext): Promise<SubmissionResult> {
  const deadline = context.deadline ?? Date.now() + SUBMISSION_DEADLINE_MS
  const guard = databaseGuard(deadline)
  try {
    return await submitGuarded(body, context, guard, deadline)
  } finally {
    guard.end()
  }
}

async function submitGuarded(
  body: unknown,
  context: SubmissionContext,
  guard: DatabaseGuard,
  deadline: number
): Promise<SubmissionResult> {
  const now = context.now ?? new Date()
  const envelope = parseEnvelope(body)
  const answeredAt = answeredAtOf(envelope, context, now)
  const submittedOn = context.submittedOn ?? vietnamDay(answeredAt)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(submittedOn))
    throw new Error(`submitResponse: submittedOn must be YYYY-MM-DD, not ${submittedOn}`)
  const target = await guard.run(() => resolveTarget(envelope.servicePointCode, submittedOn))
  if (context.kioskServicePointId && context.kioskServicePointId !== target.servicePointId) {
    throw new SubmissionError(403, 'kiosk_service_point_mismatch')
  }
  const grace = context.versionGraceDays ? { day: submittedOn, days: context.versionGraceDays } : undefined
  const version = await guard.run(() => requireTargetVersion(envelope.versionId, target, grace))
  // Kiosk and paper are vouched for by the caller; phone and web are what the client says.
  const channel =
    context.channel === 'kiosk' || context.channel === 'paper' ? context.channel : envelope.channel ?? context.channel
  const formBlock = submittedFormBlock(version, target, channel, envelope.id, context.paperFormBlock ?? null)
  // A ticket vouches that its holder received a result here, in its field: its answers stand
  // (those of them the form asks).
  const ticket = envelope.ticket ? await guard.run(() => requireTicketAt(envelope.ticket!, target.servicePointId, envelope.id, now)) : null
  const fixed = ticket ? ticketAnswers(askedDefinition(version.definition, formBlock), ticket.claims.field) : null
  const submitted = fixed ? withTicketAnswers(envelope.answers, fixed) : envelope.answers
  const answers = validAnswers(version, submitted, envelope.form ?? 'full', formBlock)
  const stored = answerRows(version, answers)
  const settings = await guard.run(() => getQualitySettings())

  const kioskId = channel === 'kiosk' ? context.kioskId ?? null : null
  const facts = answerFacts(version.definition, answers)
  const quality = assessQuality(
    {
      channel,
      kioskId,
      servicePointId: target.servicePointId,
      now: answeredAt,
      offline: now.getTime() - answeredAt.getTime() > OFFLINE_AFTER_MS,
      startedAt: envelope.startedAt ? new Date(envelope.startedAt) : null,
      honeypot: (envelope.website ?? '').trim() !== '',
      ...facts,
    },
    settings
  )
  const honeypot = (envelope.website ?? '').trim() !== ''
  const opened = await guard.run(() =>
    caseToOpen({ comment: stored.comment?.text ?? null, satisfactionAnswers: facts.satisfactionAnswers, submittedOn, honeypot })
  )
  const row: StoredResponse = {
    id: envelope.id,
    receiptId: newReceiptId(),
    bodyHash: bodyHash(version, envelope, answers, formBlock),
    versionId: version.id,
    campaignId: target.campaignId,
    servicePointId: target.servicePointId,
    agencyId: target.agencyId,
    provinceId: target.provinceId,
    channel,
    language: envelope.language ?? context.language,
    submittedOn,
    // Decided when the batch is written (storeBatch): the burst windows are counted then.
    submittedAt: null,
    durationSeconds: quality.durationSeconds,
    // The quality flags join these marks when the batch is written (decideFlags).
    flags: ticket ? RESPONSE_MARKS.VERIFIED : 0,
    weight: 1,
    kioskId,
    paperSheetId: context.paperSheetId ?? null,
    ticketId: ticket?.claims.nonce ?? null,
    formBlock,
    ...stored,
    case: opened,
  }

  const outcome = await guard.run(() => writer.submit({ row, quality, deadline }))
  if ('error' in outcome) throw outcome.error
  return { status: outcome.status, id: row.id, receiptId: outcome.receiptId }
}

/**
 * When the respondent answered: the kiosk's `completedAt` (an offline queue sends answers days
 * later), otherwise the arrival. Only a kiosk may say, and only within MAX_OFFLINE_DAYS.
 */
function answeredAtOf(envelope: SubmissionEnvelope, context: SubmissionContext, now: Date): Date {
  if (context.channel !== 'kiosk') {
    const field = KIOSK_ONLY_FIELDS.find((name) => envelope[name] !== undefined)
    if (field) throw new SubmissionError(422, 'kiosk_only_field', { field })
    return now
  }
  if (!envelope.completedAt) return now
  const completedAt = new Date(envelope.completedAt)
  const age = now.getTime() - completedAt.getTime()
  if (age < -CLOCK_SKEW_MS || age > MAX_OFFLINE_DAYS * DAY_MS) {
    throw new SubmissionError(422, 'completed_at_out_of_range', { maxDays: MAX_OFFLINE_DAYS })
  }
  return age < 0 ? now : completedAt
}

/**
 * The short-form block the response answers, or null for the full form
 * (docs/decisions/027-short-forms.md). Decided here, never taken from the client: from the
 * response id where the campaign asks the short form on the channel; on paper, the block printed
 * on the sheet as the clerk keyed it (sheets are printed per block and handed out in turn).
 */
function submittedFormBlock(
  version: SubmissionVersion,
  target: SubmissionTarget,
  channel: Channel,
  responseId: string,
  paperFormBlock: string | null,
): number | null {
  if (channel !== 'paper') return askedFormBlock(version.definition, target.shortFormChannels, channel, responseId)
  const shortForm = usesShortForm(version.definition, target.shortFormChannels, channel) ? version.definition.shortForm! : null
  if (paperFormBlock === null) {
    if (shortForm) throw new SubmissionError(422, 'form_block_required')
    return null
  }
  const block = shortForm?.blocks.findIndex((candidate) => candidate.code === paperFormBlock) ?? -1
  if (block < 0) throw new SubmissionError(422, 'unknown_form_block', { block: paperFormBlock })
  return block
}

function validAnswers(version: SubmissionVersion, raw: unknown, form: Form, formBlock: number | null): SubmittedAnswers {
  const schema =
    formBlock !== null
      ? formAnswersSchema(version.definition, shortFormItems(version, raw, formBlock))
      : form === 'kiosk'
        ? formAnswersSchema(version.definition, kioskFormItems(version.definition))
        : answersSchema(version.definition)
  const parsed = schema.safeParse(raw)
  if (!parsed.success) {
    const issues = answerIssues(parsed.error)
    const first = issues[0]!
    throw new SubmissionError(400, first.code, { itemCode: first.itemCode, ...first.params }, issues)
  }
  return parsed.data
}

/**
 * The items a short-form response is asked (core and block, in questionnaire order), after
 * refusing with 422 `item_not_asked` an answer to any other item of the version: the response
 * would otherwise count for an item its respondent was never shown. An empty answer (null, [],
 * blank text) is no answer and passes; unknown item codes are left to the answers schema.
 */
function shortFormItems(version: SubmissionVersion, raw: unknown, formBlock: number): string[] {
  const shortForm = version.definition.shortForm!
  const asked = askedItemCodes(shortForm, formBlock)!
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const { items } = itemIndex(version.definition)
    for (const [code, value] of Object.entries(raw)) {
      if (asked.has(code) || !items.has(code) || isEmptyAnswer(value)) continue
      throw new SubmissionError(422, 'item_not_asked', { itemCode: code, block: shortForm.blocks[formBlock]!.code })
    }
  }
  return itemIndex(version.definition)
    .list.map((item) => item.code)
    .filter((code) => asked.has(code))
}

function isEmptyAnswer(value: unknown): boolean {
  return value === null || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '')
}

/**
 * Coded answers become the row's item-id and value arrays (one pair per ticked option); free text, scrubbed of
 * phone and ID numbers, becomes the Comment.
 * NOTE: Comment holds one text per response (its key is the response id); a questionnaire with
 * two text items answered both is refused (too_many_texts) rather than losing one.
 */
function answerRows(
  version: SubmissionVersion,
  answers: SubmittedAnswers
): Pick<StoredResponse, 'answerItemIds' | 'answerValues' | 'comment'> {
  const answerItemIds: number[] = []
  const answerValues: number[] = []
  const texts: { itemCode: string; text: string }[] = []
  for (const item of itemIndex(version.definition).list) {
    const value = answers[item.code]
    if (value === undefined) continue
    if (typeof value === 'string') texts.push({ itemCode: item.code, text: scrubPersonalNumbers(value) })
    else if (typeof value === 'number') {
      answerItemIds.push(version.itemIds.get(item.code)!)
      answerValues.push(value)
    } else {
      const itemId = version.itemIds.get(item.code)!
      for (const coded of value) {
        answerItemIds.push(itemId)
        answerValues.push(coded)
      }
    }
  }
  if (texts.length > 1) throw new SubmissionError(422, 'too_many_texts', { itemCode: texts[1]!.itemCode })
  return { answerItemIds, answerValues, comment: texts[0] ?? null }
}

/**
 * Hash of what the client said, normalised (keys sorted, text NFC, multi-select sorted), so a
 * retry of the same response matches whatever order its client wrote the JSON in.
 */
function bodyHash(
  version: SubmissionVersion,
  envelope: SubmissionEnvelope,
  answers: SubmittedAnswers,
  formBlock: number | null,
): string {
  // Valid answers only have the version's item codes as keys: their order is known in advance.
  const canonicalAnswers = canonicalJsonOfKnownKeys(answers, itemIndex(version.definition).sortedCodes)
  // A paper sheet keyed again with another block is another body; full-form hashes stay as they were.
  const form = formBlock === null ? {} : { formBlock }
  return createHash('sha256')
    .update(canonicalJson({ ...envelope, ...form, answers: canonicalAnswers }))
    .digest('hex')
}

// Crockford base32 without I, L, O, U: read aloud and typed back without confusion.
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

// Random bytes are drawn a pool at a time: one system call per 341 receipts instead of one each.
const receiptBytes = Buffer.alloc(4_092)
let receiptOffset = receiptBytes.length

/** 12 random characters (60 bits) in three groups: K7Q2-M9XD-3FHA. */
function newReceiptId(): string {
  if (receiptOffset + 12 > receiptBytes.length) {
    randomFillSync(receiptBytes)
    receiptOffset = 0
  }
  let receipt = ''
  for (let i = 0; i < 12; i++) {
    receipt += (i > 0 && i % 4 === 0 ? '-' : '') + RECEIPT_ALPHABET[receiptBytes[receiptOffset + i]! & 31]
  }
  receiptOffset += 12
  return receipt
}

type PendingWrite = { row: StoredResponse; quality: QualityAssessment; deadline: number }
type WriteOutcome = { status: 201 | 200; receiptId: string } | { error: SubmissionError }

/**
 * Group commit (group-commit.ts): submissions arriving together are written by one
 * insertResponses call. Batches of BATCH_SIZE at most, waiting BATCH_WAIT_MS at most for company
 * when a writer is free; WRITERS writes at once, so a batch fills and goes while another commits
 * and the process never sits idle waiting on one commit (with one writer it idled ~20 % of the
 * time under load: the batch in flight held most of the callers). A write running longer than
 * STUCK_WRITE_MS is presumed stuck on a dead connection and no longer holds up the next one.
 */
const BATCH_SIZE = 100
const BATCH_WAIT_MS = 2
const WRITERS = 2
const STUCK_WRITE_MS = 5_000
const writer = createGroupCommit<PendingWrite, WriteOutcome>(storeBatch, {
  maxBatch: BATCH_SIZE,
  maxWaitMs: BATCH_WAIT_MS,
  maxInFlight: WRITERS,
  releaseAfterMs: STUCK_WRITE_MS,
})

/**
 * One outcome per submission of the batch. Submissions whose caller already got 503 (deadline
 * passed while queued) are not written: under overload the queue sheds what nobody waits for.
 * The same id twice in one batch is written once; the second compares its hash with the first,
 * exactly as a later replay compares with the stored row. Of several responses with one rating
 * ticket, only the first is written and the others get ticket_used: left to the unique index, they
 * would fail the batch's transaction and send every row of it down the slow row-by-row path. The
 * quality flags are decided here, once the batch's burst windows are counted (burst-windows.server.ts).
 */
async function storeBatch(pending: PendingWrite[]): Promise<WriteOutcome[]> {
  const now = Date.now()
  const firsts = new Map<string, StoredResponse>()
  const tickets = new Set<string>()
  const ticketTaken = new Set<PendingWrite>()
  const written: PendingWrite[] = []
  for (const write of pending) {
    if (write.deadline <= now || firsts.has(write.row.id)) continue
    const ticket = write.row.ticketId
    if (ticket && tickets.has(ticket)) {
      ticketTaken.add(write)
      continue
    }
    if (ticket) tickets.add(ticket)
    firsts.set(write.row.id, write.row)
    written.push(write)
  }
  await decideFlags(written)
  const outcomes = firsts.size
    ? await insertEachBatch([...firsts.values()])
    : new Map<string, InsertOutcome | SubmissionError>()
  if ([...outcomes.values()].some((outcome) => !(outcome instanceof SubmissionError) && outcome.inserted))
    notifyResponsesStored()
  return pending.map((write) => {
    const { row } = write
    if (ticketTaken.has(write)) return { error: new SubmissionError(409, 'ticket_used') }
    const first = firsts.get(row.id)
    const outcome = outcomes.get(row.id)
    if (!first || !outcome) return { error: databaseUnavailable() }
    if (outcome instanceof SubmissionError) return { error: outcome }
    const stored = outcome.inserted ? first : outcome.stored
    if (row === first && outcome.inserted) return { status: 201, receiptId: row.receiptId }
    if (row.bodyHash === stored.bodyHash) return { status: 200, receiptId: stored.receiptId }
    return { error: new SubmissionError(409, 'id_conflict') }
  })
}

/** Counts the batch's burst windows (one query) and sets each row's flags and burst-window rows. */
async function decideFlags(written: PendingWrite[]): Promise<void> {
  let counts: number[][]
  try {
    counts = await countWindows(written.map(({ quality }) => quality.windows))
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw databaseUnavailable()
    throw error
  }
  written.forEach(({ row, quality }, i) => {
    const { flags, submittedAt } = quality.decide(counts[i]!)
    row.flags |= flags
    row.submittedAt = submittedAt
    if (quality.windows.length) row.recent = { at: new Date(quality.windows[0]!.at), keys: quality.windows.map((window) => window.key) }
  })
  if (written.some(({ row }) => row.recent)) pruneRecentSubmissionsSoon()
}

/**
 * The batch in one transaction; if that fails for a reason other than the database being
 * unavailable (one row breaking a constraint), each row alone, so one bad row fails only itself.
 */
async function insertEachBatch(rows: StoredResponse[]): Promise<Map<string, InsertOutcome | SubmissionError>> {
  try {
    return new Map((await insertResponses(rows)).map((outcome) => [outcome.id, outcome]))
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw databaseUnavailable()
    if (rows.length === 1) return new Map([[rows[0]!.id, rowError(error)]])
  }
  const outcomes = new Map<string, InsertOutcome | SubmissionError>()
  for (const row of rows) {
    try {
      const [outcome] = await insertResponses([row])
      outcomes.set(row.id, outcome!)
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw databaseUnavailable()
      outcomes.set(row.id, rowError(error))
    }
  }
  return outcomes
}

function rowError(error: unknown): SubmissionError {
  if (
    /paperSheetId/.test(String(error)) ||
    /paperSheetId/.test(JSON.stringify((error as { meta?: unknown }).meta ?? {}))
  ) {
    return new SubmissionError(409, 'paper_sheet_conflict')
  }
  if (/ticketId/.test(String(error)) || /ticketId/.test(JSON.stringify((error as { meta?: unknown }).meta ?? {}))) {
    return new SubmissionError(409, 'ticket_used')
  }
  console.error('A submission could not be stored:', error)
  return new SubmissionError(500, 'internal_error')
}
