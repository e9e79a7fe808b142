import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { UNREADABLE_TEXT_ERROR } from '~/forms/reject-form.server'
import { action as surveyAction, loader as surveyLoader } from '~/routes/s.$code'
import { fieldName } from '~/survey/answer-fields'
import { createPaperBatch, createPaperWorld, keySheet, openBatch, sheet, viewKeying } from '../factories/paper'
import { createSurveyPoint, storedCounts } from '../factories/submissions'

/*
 * A NUL (or a lone surrogate) typed into a form or put into an address, on the phone survey and
 * in paper entry. A NUL reaching a query made PostgreSQL refuse it: a 500 instead of the page's
 * own answer. Each is refused where the request is read, and nothing is written.
 */

/** Each unreadable string, with the code the answers schema gives it in a comment. */
const UNREADABLE = [
  { name: 'NUL', bad: '\u0000', textCode: 'text_nul' },
  { name: 'lone surrogate', bad: '\uD800', textCode: 'text_invalid_unicode' },
]

type Outcome = { status: number; data: unknown }

/** What a loader or action answered, thrown answers included. */
async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  let result: unknown
  try {
    result = await run()
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) return { status: result.status, data: null }
  if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = result as { data: unknown; init: ResponseInit | null }
    return { status: init?.status ?? 200, data }
  }
  if (result instanceof Error) throw result
  return { status: 200, data: result }
}

function surveyPost(code: string, fields: Record<string, string | string[]>) {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
  // The route reads the code from its params; the URL only gives the query (none here).
  const request = new Request('http://localhost/s/code', { method: 'POST', body })
  return settle(() => surveyAction({ request, params: { code }, context: {} }))
}

describe.each(UNREADABLE)('$name', ({ bad, textCode }) => {
  test('in a survey address, the service point is unknown (404), for the page and its form posts', async () => {
    const point = await createSurveyPoint()
    const code = `${point.servicePoint.code}${bad}`
    const request = new Request('http://localhost/s/code')
    const opened = await settle(() => surveyLoader({ request, params: { code }, context: {} }))
    expect(opened).toMatchObject({ status: 404, data: { reason: 'unknownCode' } })
    expect((await surveyPost(code, { state: 'x', intent: 'next' })).status).toBe(404)
  })

  test('in a survey comment, the page says so (400) and nothing is stored', async () => {
    const point = await createSurveyPoint()
    const code = point.servicePoint.code
    const before = await storedCounts()
    const start = await settle(() => surveyLoader({ request: new Request(`http://localhost/s/${code}`), params: { code }, context: {} }))
    const screening = (start.data as { start: { state: string } }).start
    const section = await surveyPost(code, { state: screening.state, intent: 'next', [fieldName('screen')]: '1' })
    const refused = await surveyPost(code, {
      state: (section.data as { state: string }).state,
      intent: 'next',
      [fieldName('svc.polite')]: '4',
      [fieldName('svc.time')]: '5',
      [fieldName('svc.general')]: '5',
      [fieldName('online.used')]: '2',
      [fieldName('channels')]: ['1'],
      [fieldName('comment')]: `Tốt${bad}lắm`,
    })
    expect(refused.status).toBe(400)
    expect((refused.data as { issues: unknown[] }).issues).toEqual([expect.objectContaining({ code: textCode, itemCode: 'comment' })])
    expect(await storedCounts()).toEqual(before)
  })

  test('in the service point of a new paper batch, the field says so (400), its value is not sent back, no batch opens', async () => {
    const world = await createPaperWorld()
    const fields = { servicePointId: `${world.servicePoint.id}${bad}`, fromDate: '2026-03-01', toDate: '2026-03-31', sheetCount: '5' }
    const refused = await openBatch(world.clerk.id, fields)
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({ fieldErrors: { servicePointId: { key: UNREADABLE_TEXT_ERROR } } })
    expect((refused.data as { values: Record<string, string> }).values).toEqual({
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
      sheetCount: '5',
    })
    expect(await prisma.paperBatch.count({ where: { servicePointId: world.servicePoint.id } })).toBe(0)
  })

  test('in a paper batch address, the batch is not found (404), for the keying screen and its form', async () => {
    const world = await createPaperWorld()
    const batch = await createPaperBatch({ servicePointId: world.servicePoint.id, createdById: world.clerk.id })
    const address = `${batch.id}${bad}`
    expect((await viewKeying(world.clerk.id, address)).status).toBe(404)
    expect((await keySheet(world.clerk.id, address, sheet(1))).status).toBe(404)
  })

  test('in a keyed comment, the sheet is refused (400) and nothing is saved', async () => {
    const world = await createPaperWorld()
    const batch = await createPaperBatch({ servicePointId: world.servicePoint.id, createdById: world.clerk.id })
    const refused = await keySheet(world.clerk.id, batch.id, sheet(1, { comment: `Tốt${bad}lắm` }))
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({ fieldErrors: { comment: { key: `submission:errors.${textCode}` } } })
    expect(await prisma.paperSheet.count({ where: { batchId: batch.id } })).toBe(0)
  })
})
