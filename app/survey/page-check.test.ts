import { describe, expect, test } from 'vitest'
import { findPage } from '~/questionnaire/pages'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { fieldName, formDataReader, readPageAnswers, toFieldValues } from './answer-fields'
import { checkPage, firstIncompletePage, keepVisibleAnswers } from './page-check'

const perceptions = findPage(sipas2023, 'section:perc')!
const items = sipas2023.sections.find((section) => section.code === 'perc')!.items
const eligible = { 'screen.received_result': 1 }

describe('form fields and answers', () => {
  test('field names carry no dots, so react-hook-form does not read them as nesting', () => {
    expect(fieldName('perc.online_easy')).toBe('q:perc:online_easy')
  })

  test('a plain form post becomes typed answers; empty fields are no answers', () => {
    const form = new FormData()
    form.append(fieldName('perc.policy_interest'), '2')
    form.append(fieldName('perc.info_channels'), '1')
    form.append(fieldName('perc.info_channels'), '4')
    form.append(fieldName('perc.willing_to_give_opinion'), '-1')
    form.append(fieldName('perc.harassment'), '')
    expect(readPageAnswers(items, formDataReader(form))).toEqual({
      'perc.policy_interest': 2,
      'perc.info_channels': [1, 4],
      'perc.willing_to_give_opinion': -1,
    })
  })

  test('answers turn back into the field values a page is rendered with', () => {
    const values = toFieldValues(items, { 'perc.policy_interest': 2, 'perc.info_channels': [1, 4] })
    expect(values[fieldName('perc.info_channels')]).toEqual(['1', '4'])
    expect(values[fieldName('perc.harassment')]).toBe('')
    expect(values[fieldName('perc.policy_interest')]).toBe('2')
  })

  test('a typed value that is not a whole number stays text, for the schema to refuse', () => {
    const form = new FormData()
    form.append(fieldName('perc.policy_interest'), 'two')
    expect(readPageAnswers(items, formDataReader(form))).toEqual({ 'perc.policy_interest': 'two' })
  })
})

describe('checking a page', () => {
  const complete = {
    'perc.policy_interest': 1,
    'perc.info_channels': [2],
    'perc.willing_to_give_opinion': 1,
    'perc.harassment': 1,
    'perc.informal_payment': 2,
    'perc.submission_channel': 1,
    'perc.channel_suitable': 1,
    'perc.online_used': 2,
    'perc.basic_services.health': 1,
    'perc.basic_services.education': 1,
  }

  test('a complete page passes and joins the earlier answers', () => {
    const checked = checkPage(sipas2023, perceptions, eligible, complete)
    expect(checked.issues).toEqual([])
    expect(checked.answers).toEqual({ ...eligible, ...complete })
  })

  test('a missing answer is reported against its question', () => {
    const { 'perc.harassment': _, ...missing } = complete
    expect(checkPage(sipas2023, perceptions, eligible, missing).issues).toEqual([
      { code: 'required', itemCode: 'perc.harassment', params: {} },
    ])
  })

  test('an answer to a question its condition hides is dropped, not refused', () => {
    const checked = checkPage(sipas2023, perceptions, eligible, { ...complete, 'perc.online_easy': 4 })
    expect(checked.issues).toEqual([])
    expect(checked.answers).not.toHaveProperty('perc.online_easy')
  })

  test('the conditional question is required once its condition holds', () => {
    const issues = checkPage(sipas2023, perceptions, eligible, { ...complete, 'perc.online_used': 1 }).issues
    expect(issues.map((issue) => [issue.code, issue.itemCode])).toEqual([['required', 'perc.online_easy']])
  })

  test('a changed screening answer drops every later answer', () => {
    expect(keepVisibleAnswers(sipas2023, { 'screen.received_result': 2, ...complete })).toEqual({ 'screen.received_result': 2 })
  })

  test('after an edit from the review, "continue" leads to the first page still missing answers', () => {
    expect(firstIncompletePage(sipas2023, { ...eligible, ...complete }).key).toBe('section:demo')
  })
})
