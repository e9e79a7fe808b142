import { prisma } from '~/db.server'
import type { Language } from '~/i18n/config'
import { SubmissionError } from '~/responses/errors'
import { submitResponse } from '~/responses/submit.server'
import { readPayload } from './payload'
import { paperResponseId } from './response-id.server'
import { countedCopy, FIRST_PASS } from './sheet-status'

/*
 * Counting a sheet: its agreed copy becomes a response through the one submission path every
 * channel uses (channel paper). The response id is derived from the batch and sheet number,
 * so counting a sheet again replays the same submission: it is stored once, whoever asks
 * and however often.
 */

/** Paper forms are printed in Vietnamese. */
const PAPER_LANGUAGE: Language = 'vi'

export type CountResult =
  | { counted: true; responseId: string; receiptId: string; replayed: boolean }
  | { counted: false; code: string; status: number }

export async function countSheet(batchId: string, sheetNo: number): Promise<CountResult> {
  const copies = await prisma.paperSheet.findMany({
    where: { batchId, sheetNo },
    select: {
      id: true,
      pass: true,
      status: true,
      payload: true,
      batch: { select: { servicePoint: { select: { code: true } } } },
    },
  })
  const copy = countedCopy(copies)
  if (!copy || (copy.status !== 'agreed' && copy.status !== 'counted'))
    return { counted: false, code: 'not_agreed', status: 409 }
  const payload = readPayload(copy.payload)
  // Never a response, whatever status a caller thought the sheet had.
  if (payload.voidReason) return { counted: false, code: 'void_sheet', status: 409 }

  const body = {
    id: paperResponseId(batchId, sheetNo),
    versionId: payload.versionId,
    servicePointCode: copy.batch.servicePoint.code,
    language: PAPER_LANGUAGE,
    answers: payload.answers,
  }
  let result: Awaited<ReturnType<typeof submitResponse>>
  try {
    result = await submitResponse(body, {
      channel: 'paper',
      language: PAPER_LANGUAGE,
      paperSheetId: copy.id,
      submittedOn: payload.submittedOn,
      // The block printed on a short-form sheet, as keyed: the submission checks it against the campaign.
      paperFormBlock: payload.formBlock ?? null,
    })
  } catch (error) {
    // Left agreed: counting it again later replays the same id.
    if (error instanceof SubmissionError) return { counted: false, code: error.code, status: error.status }
    throw error
  }
  await prisma.paperSheet.updateMany({ where: { batchId, sheetNo, status: 'agreed' }, data: { status: 'counted' } })
  return { counted: true, responseId: result.id, receiptId: result.receiptId, replayed: result.status === 200 }
}

/** Counts every agreed sheet of a batch still waiting (after the database was unavailable). */
export async function countWaitingSheets(batchId: string): Promise<CountResult[]> {
  const waiting = await prisma.paperSheet.findMany({
    where: { batchId, pass: FIRST_PASS, status: 'agreed' },
    orderBy: { sheetNo: 'asc' },
    select: { sheetNo: true },
  })
  const results: CountResult[] = []
  for (const { sheetNo } of waiting) results.push(await countSheet(batchId, sheetNo))
  return results
}
