import { describe, expect, test } from 'vitest'
import { prisma } from '~/db.server'
import { askedDefinition } from '~/questionnaire/asked-form'
import { setShortFormChannels } from '~/questionnaire/campaigns.server'
import { type Definition, allItems } from '~/questionnaire/definition'
import { findPage, pageItems } from '~/questionnaire/pages'
import { askedItemCodes, formBlockFor } from '~/questionnaire/short-form'
import { proposeShortForm } from '~/questionnaire/short-form-design'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { codedAnswers, type SubmittedAnswers } from '~/responses/answers'
import { forgetSubmissionTargets } from '~/responses/target.server'
import { loader } from '~/routes/s.$code'
import { fieldName } from '~/survey/answer-fields'
import { createSurveyPoint } from './factories/submissions'
import { outcome, type Outcome, postSurveyPage } from './factories/survey-route'

/*
 * The phone survey of a campaign asking the phone the short form (docs/decisions/027-short-forms.md),
 * driven as a browser without JavaScript drives it: the pages hold the core and the block the
 * response id draws, and the stored response records that block and answers nothing else.
 */

const definition: Definition = { ...sipas2023, shortForm: proposeShortForm(sipas2023, 3) }
type View = { state: string; page: string; block?: number | null; answers: SubmittedAnswers; issues?: unknown[] }

const open = (code: string) => outcome(() => loader({ request: new Request(`http://localhost/s/${code}`), params: { code }, context: {} }))
const view = (result: Outcome) => result.data as View

/** Form fields answering every item `page` shows: the first option, a 4 on the scales, no text. */
function fieldsFor(asked: Definition, current: View): Record<string, string | string[]> {
  const page = findPage(asked, current.page)!
  const fields: Record<string, string | string[]> = {}
  for (const { item } of pageItems(asked, page, codedAnswers(current.answers))) {
    if (item.code === asked.screening.item) fields[fieldName(item.code)] = String(asked.screening.eligible[0])
    else if (item.kind === 'satisfaction5' || item.kind === 'agreement5') fields[fieldName(item.code)] = '4'
    else if (item.kind === 'multiSelect') fields[fieldName(item.code)] = [String(item.options![0]!.value)]
    else if (item.kind === 'number') fields[fieldName(item.code)] = String(item.min ?? 1)
    else if (item.kind !== 'text') fields[fieldName(item.code)] = String(item.options![0]!.value)
  }
  return fields
}

describe('the phone survey of a short-form campaign', () => {
  test('asks the core and the drawn block, says the short form’s time, and stores the block with the response', async () => {
    const point = await createSurveyPoint({ definition })
    await setShortFormChannels(point.campaignId, ['phone'])
    forgetSubmissionTargets()
    const code = point.servicePoint.code

    const start = (await open(code)).data as { start: View }
    let current = start.start
    expect(current.page).toBe('screening')
    const block = current.block!
    expect([0, 1, 2]).toContain(block)
    const asked = askedDefinition(definition, block)
    expect(allItems(asked).length).toBeLessThan(allItems(definition).length)

    let screens = 0
    while (current.page !== 'review') {
      const result = await postSurveyPage(code, { state: current.state, intent: 'next', ...fieldsFor(asked, current) })
      expect(result.status).toBe(200)
      current = view(result)
      expect(current.block).toBe(block)
      screens++
    }
    // every answer is to an item of the core or the block
    const codes = askedItemCodes(definition.shortForm!, block)!
    expect(Object.keys(current.answers).every((itemCode) => codes.has(itemCode))).toBe(true)

    const submitted = await postSurveyPage(code, { state: current.state, intent: 'submit', website: '' })
    expect(submitted.status).toBe(302)
    const stored = await prisma.response.findFirstOrThrow({
      where: { servicePointId: point.servicePoint.id },
      select: { id: true, formBlock: true, answerItemIds: true },
    })
    expect(stored.formBlock).toBe(block)
    expect(formBlockFor(stored.id, 3)).toBe(block)
    const itemCodes = await prisma.item.findMany({ where: { id: { in: stored.answerItemIds } }, select: { code: true } })
    expect(itemCodes.every((item) => codes.has(item.code))).toBe(true)
    expect(screens).toBeGreaterThan(1)
  })

  test('a campaign keeping the phone on the full form asks every section', async () => {
    const point = await createSurveyPoint({ definition })
    const start = ((await open(point.servicePoint.code)).data as { start: View }).start
    expect(start.block).toBeNull()
  })
})
