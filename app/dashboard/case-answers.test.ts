import { describe, expect, test } from 'vitest'
import { definition } from '../../test/fixtures/submission-definition'
import { DONT_KNOW } from '~/questionnaire/definition'
import { caseAnswerRows } from './case-answers'

describe('caseAnswerRows', () => {
  test('lists the answers in the questionnaire’s order, in words, marking the dissatisfied ones', () => {
    const rows = caseAnswerRows(
      definition,
      [
        { itemCode: 'channels', value: 1 },
        { itemCode: 'svc.time', value: 1 },
        { itemCode: 'svc.polite', value: DONT_KNOW },
        { itemCode: 'channels', value: 3 },
        { itemCode: 'screen', value: 1 },
        { itemCode: 'svc.general', value: 4 },
      ],
      2
    )
    expect(rows.map((row) => row.code)).toEqual(['screen', 'svc.polite', 'svc.time', 'svc.general', 'channels'])
    expect(rows.find((row) => row.code === 'svc.time')).toMatchObject({ answer: { kind: 'scale', value: 1 }, dissatisfied: true })
    expect(rows.find((row) => row.code === 'svc.general')).toMatchObject({ answer: { kind: 'scale', value: 4 }, dissatisfied: false })
    expect(rows.find((row) => row.code === 'svc.polite')?.answer).toEqual({ kind: 'dontKnow' })
    const channels = rows.find((row) => row.code === 'channels')!.answer
    expect(channels.kind === 'options' && channels.labels).toHaveLength(2)
  })
})
