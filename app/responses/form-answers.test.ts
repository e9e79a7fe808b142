import { describe, expect, test } from 'vitest'
import { DONT_KNOW } from '~/questionnaire/definition'
import { kioskFormItems } from '~/questionnaire/kiosk-form'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { answerIssues, answersSchema, formAnswersSchema } from './answers'

const kioskItems = kioskFormItems(sipas2023)
const kioskSchema = formAnswersSchema(sipas2023, kioskItems)
const issuesOf = (answers: Record<string, unknown>) => {
  const parsed = kioskSchema.safeParse(answers)
  return parsed.success ? [] : answerIssues(parsed.error).map(({ code, itemCode }) => ({ code, itemCode }))
}

const complete = {
  'screen.received_result': 1,
  'pol.general': 4,
  'svc.access.general': 5,
  'svc.procedures.general': 3,
  'svc.civil_servants.general': 4,
  'svc.results.general': 5,
  'svc.feedback.general': DONT_KNOW,
}

describe('a response to the kiosk form', () => {
  test('is complete with the kiosk items, although the full questionnaire would want more', () => {
    expect(issuesOf(complete)).toEqual([])
    expect(answersSchema(sipas2023).safeParse(complete).success).toBe(false)
  })

  test('still needs every required item of the form', () => {
    const { ['svc.results.general']: _left, ...missing } = complete
    expect(issuesOf(missing)).toEqual([{ code: 'required', itemCode: 'svc.results.general' }])
  })

  test('may not answer a question the kiosk does not ask', () => {
    expect(issuesOf({ ...complete, 'demo.gender': 1 })).toEqual([{ code: 'not_in_form', itemCode: 'demo.gender' }])
  })

  test('ends at an ineligible screening answer like the full questionnaire', () => {
    expect(issuesOf({ 'screen.received_result': 2 })).toEqual([
      { code: 'screened_out', itemCode: 'screen.received_result' },
    ])
  })
})
