import { describe, expect, test } from 'vitest'
import { DefinitionSchema, DONT_KNOW, MAX_TEXT_ANSWER_LENGTH, NOT_APPLICABLE } from '~/questionnaire/definition'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import { definition } from '../../test/fixtures/submission-definition'
import { answerIssues, answersSchema, codedAnswers, normaliseText, pageAnswersSchema, type SubmittedAnswers } from './answers'
import { ANSWER_ERROR_CODES } from './errors'

const valid: SubmittedAnswers = {
  screen: 1,
  'svc.polite': 4,
  'svc.time': 5,
  'svc.general': 4,
  'online.used': 2,
  channels: [3, 1],
}

function issuesOf(answers: unknown) {
  const parsed = answersSchema(definition).safeParse(answers)
  expect(parsed.success, 'expected the answers to be refused').toBe(false)
  return answerIssues(parsed.error!)
}

const only = (answers: unknown) => issuesOf(answers).map((issue) => [issue.code, issue.itemCode])

describe('a whole response', () => {
  test('a complete response passes, normalised: multi-select sorted, text NFC and trimmed, blanks dropped', () => {
    const parsed = answersSchema(definition).parse({
      ...valid,
      visits: null,
      comment: '  Cán bộ hướng dẫn tận tình  ',
      field: null,
    })
    expect(parsed).toEqual({ ...valid, channels: [1, 3], comment: 'Cán bộ hướng dẫn tận tình'.normalize('NFC') })
  })

  test('answers that are not an object are refused as a whole', () => {
    for (const bad of [null, 'x', 5, [1, 2]]) expect(only(bad)).toEqual([['invalid_answers', '']])
  })

  test('an item the questionnaire does not have is refused', () => {
    expect(only({ ...valid, 'svc.unknown': 5 })).toEqual([['unknown_item', 'svc.unknown']])
  })

  test.each([
    ['svc.polite', '5'],
    ['svc.polite', 4.5],
    ['svc.polite', true],
    ['svc.polite', [4]],
    ['channels', 1],
    ['channels', ['1']],
    ['visits', '3'],
    ['comment', 12],
  ])('%s = %j is the wrong type', (code, value) => {
    expect(only({ ...valid, [code]: value })).toEqual([['wrong_type', code]])
  })

  test('scale answers outside 1–5 are out of range, with the range for the message', () => {
    const [issue] = issuesOf({ ...valid, 'svc.general': 6 })
    expect(issue).toEqual({ code: 'out_of_range', itemCode: 'svc.general', params: { min: 1, max: 5 } })
    expect(only({ ...valid, 'svc.general': 0 })).toEqual([['out_of_range', 'svc.general']])
    expect(only({ ...valid, 'svc.general': -3 })).toEqual([['out_of_range', 'svc.general']])
  })

  test('number answers outside the item’s min and max are out of range', () => {
    expect(only({ ...valid, visits: 0 })).toEqual([['out_of_range', 'visits']])
    expect(only({ ...valid, visits: 21 })).toEqual([['out_of_range', 'visits']])
    expect(answersSchema(definition).parse({ ...valid, visits: 20 }).visits).toBe(20)
  })

  test('a choice that is not one of the options is refused', () => {
    expect(only({ ...valid, field: 4 })).toEqual([['unknown_option', 'field']])
    expect(only({ ...valid, channels: [1, 9] })).toEqual([['unknown_option', 'channels']])
  })

  test('a multi-select ticking an option twice is refused', () => {
    expect(only({ ...valid, channels: [1, 1] })).toEqual([['duplicate_option', 'channels']])
  })

  test('"don’t know" only where the item allows it', () => {
    expect(answersSchema(definition).parse({ ...valid, 'svc.polite': DONT_KNOW })['svc.polite']).toBe(DONT_KNOW)
    expect(only({ ...valid, 'svc.general': DONT_KNOW })).toEqual([['dont_know_not_allowed', 'svc.general']])
    expect(only({ ...valid, field: DONT_KNOW })).toEqual([['dont_know_not_allowed', 'field']])
    expect(answersSchema(definition).parse({ ...valid, channels: [DONT_KNOW] }).channels).toEqual([DONT_KNOW])
  })

  test('"not applicable" only where the item allows it', () => {
    expect(answersSchema(definition).parse({ ...valid, 'svc.time': NOT_APPLICABLE })['svc.time']).toBe(NOT_APPLICABLE)
    expect(only({ ...valid, 'svc.polite': NOT_APPLICABLE })).toEqual([['not_applicable_not_allowed', 'svc.polite']])
    expect(only({ ...valid, channels: [NOT_APPLICABLE] })).toEqual([['not_applicable_not_allowed', 'channels']])
  })

  test('"don’t know" cannot be ticked together with real options', () => {
    expect(only({ ...valid, channels: [DONT_KNOW, 2] })).toEqual([['non_substantive_with_others', 'channels']])
  })

  test('an answer to an item hidden by its condition is refused', () => {
    expect(only({ ...valid, 'online.used': 2, 'online.easy': 4 })).toEqual([['hidden_item', 'online.easy']])
  })

  test('a shown conditional item is required, and answering it passes', () => {
    expect(only({ ...valid, 'online.used': 1 })).toEqual([['required', 'online.easy']])
    expect(answersSchema(definition).safeParse({ ...valid, 'online.used': 1, 'online.easy': 5 }).success).toBe(true)
  })

  test('every missing required visible item is reported, in questionnaire order', () => {
    const { 'svc.general': _g, 'svc.polite': _p, channels: _c, ...rest } = valid
    expect(only(rest)).toEqual([
      ['required', 'svc.polite'],
      ['required', 'svc.general'],
      ['required', 'channels'],
    ])
    expect(only({ ...valid, channels: [] })).toEqual([['required', 'channels']])
    expect(only({ ...valid, 'svc.polite': null })).toEqual([['required', 'svc.polite']])
  })

  test('a respondent who is not eligible is screened out; a missing screening answer is required', () => {
    expect(only({ screen: 2 })).toEqual([['screened_out', 'screen']])
    const { screen: _s, ...noScreen } = valid
    expect(only(noScreen)).toEqual([['required', 'screen']])
  })

  test('text over the limit is refused; the limit counts characters, not UTF-16 units', () => {
    const [issue] = issuesOf({ ...valid, comment: 'a'.repeat(MAX_TEXT_ANSWER_LENGTH + 1) })
    expect(issue).toEqual({ code: 'text_too_long', itemCode: 'comment', params: { max: MAX_TEXT_ANSWER_LENGTH } })
    expect(answersSchema(definition).safeParse({ ...valid, comment: '😀'.repeat(MAX_TEXT_ANSWER_LENGTH) }).success).toBe(true)
    // Trimmed first: surrounding spaces don't count.
    expect(answersSchema(definition).safeParse({ ...valid, comment: ` ${'ă'.repeat(MAX_TEXT_ANSWER_LENGTH)} ` }).success).toBe(true)
  })

  test('NUL in text is refused', () => {
    expect(only({ ...valid, comment: 'Tốt\u0000lắm' })).toEqual([['text_nul', 'comment']])
  })

  test('lone surrogates and replacement characters (invalid UTF-8 upstream) are refused', () => {
    expect(only({ ...valid, comment: 'Tốt \uD83D lắm' })).toEqual([['text_invalid_unicode', 'comment']])
    expect(only({ ...valid, comment: 'Tốt \uDE00 lắm' })).toEqual([['text_invalid_unicode', 'comment']])
    expect(only({ ...valid, comment: 'Tốt \uFFFD lắm' })).toEqual([['text_invalid_unicode', 'comment']])
    expect(answersSchema(definition).safeParse({ ...valid, comment: 'Tốt 😀 lắm' }).success).toBe(true)
  })

  test('a whitespace-only text is "not answered"', () => {
    expect(answersSchema(definition).parse({ ...valid, comment: ' \n ' })).toEqual({ ...valid, channels: [1, 3] })
  })

  test('issues carry an i18n key of the submission namespace and the item code as path', () => {
    const parsed = answersSchema(definition).safeParse({ ...valid, 'svc.general': 9 })
    expect(parsed.error!.issues[0]).toMatchObject({ message: 'errors.out_of_range', path: ['svc.general'] })
  })

  test('every code it reports is a listed answer error code', () => {
    const codes = [
      ...issuesOf({ ...valid, x: 1 }),
      ...issuesOf({ ...valid, 'svc.general': 'x' }),
      ...issuesOf({ ...valid, channels: [1, 1] }),
    ].map((issue) => issue.code)
    for (const code of codes) expect(ANSWER_ERROR_CODES).toContain(code)
  })

  test('the SIPAS 2023 questionnaire accepts a response that answers every shown required item', () => {
    const answers: SubmittedAnswers = {}
    for (const section of sipas2023.sections) {
      for (const item of section.items) {
        if (item.kind === 'text') continue
        answers[item.code] = item.kind === 'multiSelect' ? [item.options![0]!.value] : (item.options?.[0]?.value ?? 4)
      }
    }
    const parsed = answersSchema(DefinitionSchema.parse(sipas2023)).safeParse(answers)
    expect(parsed.success ? [] : answerIssues(parsed.error)).toEqual([])
  })
})

describe('one page of the survey', () => {
  const page = ['svc.polite', 'svc.time', 'svc.general', 'online.used', 'online.easy']

  test('checks only the page’s items; other pages’ answers are ignored', () => {
    const parsed = pageAnswersSchema(definition, page, { screen: 1 }).parse({
      'svc.polite': 4,
      'svc.time': 5,
      'svc.general': 3,
      'online.used': 2,
      channels: 'not checked here',
    })
    expect(parsed).toEqual({ 'svc.polite': 4, 'svc.time': 5, 'svc.general': 3, 'online.used': 2 })
  })

  test('reports the page’s missing required items and bad values, but not other pages’', () => {
    const parsed = pageAnswersSchema(definition, page, { screen: 1 }).safeParse({ 'svc.polite': 7, 'online.used': 1 })
    expect(answerIssues(parsed.error!).map((issue) => [issue.code, issue.itemCode])).toEqual([
      ['out_of_range', 'svc.polite'],
    ])
    const missing = pageAnswersSchema(definition, page, { screen: 1 }).safeParse({ 'svc.polite': 4, 'online.used': 1 })
    expect(answerIssues(missing.error!).map((issue) => [issue.code, issue.itemCode])).toEqual([
      ['required', 'svc.time'],
      ['required', 'svc.general'],
      ['required', 'online.easy'],
    ])
  })

  test('conditions see earlier pages and the page itself', () => {
    const later = pageAnswersSchema(definition, ['online.easy'], { ...valid, 'online.used': 1 })
    expect(later.safeParse({}).success).toBe(false)
    expect(later.parse({ 'online.easy': 5 })).toEqual({ 'online.easy': 5 })
    const hidden = pageAnswersSchema(definition, ['online.easy'], { ...valid, 'online.used': 2 }).safeParse({ 'online.easy': 5 })
    expect(answerIssues(hidden.error!)[0]).toMatchObject({ code: 'hidden_item', itemCode: 'online.easy' })
  })

  test('an unknown item is still refused', () => {
    const parsed = pageAnswersSchema(definition, page, { screen: 1 }).safeParse({ nope: 1 })
    expect(answerIssues(parsed.error!)[0]).toMatchObject({ code: 'unknown_item', itemCode: 'nope' })
  })

  test('the screening page accepts an ineligible answer (the survey then ends) but not a missing one', () => {
    expect(pageAnswersSchema(definition, ['screen']).parse({ screen: 2 })).toEqual({ screen: 2 })
    const missing = pageAnswersSchema(definition, ['screen']).safeParse({})
    expect(answerIssues(missing.error!)[0]).toMatchObject({ code: 'required', itemCode: 'screen' })
  })
})

describe('helpers', () => {
  test('normaliseText composes Vietnamese to NFC and trims', () => {
    const decomposed = 'Tie\u0302\u0301p nha\u0323\u0302n'
    expect(normaliseText(`  ${decomposed} `)).toBe('Tiếp nhận')
    expect(normaliseText(decomposed)).not.toBe(decomposed)
  })

  test('codedAnswers gives conditions their numbers and leaves text out', () => {
    expect(codedAnswers({ a: 1, b: [2, 3], c: 'x' })).toEqual(
      new Map([
        ['a', [1]],
        ['b', [2, 3]],
      ]),
    )
  })
})
