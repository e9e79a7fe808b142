import { describe, expect, test } from 'vitest'
import { DONT_KNOW, NOT_APPLICABLE } from '~/questionnaire/definition'
import { opensCase } from './rule'

const settings = { dissatisfiedAtOrBelow: 2 }

describe('opensCase', () => {
  test('a comment with a satisfaction answer at the threshold opens a case', () => {
    expect(opensCase({ comment: 'Chờ quá lâu', satisfactionAnswers: [5, 4, 2] }, settings)).toBe(true)
    expect(opensCase({ comment: 'Chờ quá lâu', satisfactionAnswers: [1] }, settings)).toBe(true)
  })

  test('a comment whose satisfaction answers are all above the threshold opens none', () => {
    expect(opensCase({ comment: 'Cảm ơn cán bộ', satisfactionAnswers: [3, 4, 5] }, settings)).toBe(false)
  })

  test('dissatisfied answers without a comment open none', () => {
    expect(opensCase({ comment: null, satisfactionAnswers: [1, 1] }, settings)).toBe(false)
    expect(opensCase({ comment: '   ', satisfactionAnswers: [1, 1] }, settings)).toBe(false)
  })

  test('non-substantive answers never count as dissatisfied', () => {
    expect(opensCase({ comment: 'Không rõ', satisfactionAnswers: [DONT_KNOW, NOT_APPLICABLE, 4] }, settings)).toBe(false)
  })

  test('the threshold follows the setting', () => {
    expect(opensCase({ comment: 'Tạm được', satisfactionAnswers: [3] }, { dissatisfiedAtOrBelow: 3 })).toBe(true)
    expect(opensCase({ comment: 'Tạm được', satisfactionAnswers: [2] }, { dissatisfiedAtOrBelow: 1 })).toBe(false)
  })

  test('no satisfaction answer at all opens none', () => {
    expect(opensCase({ comment: 'Góp ý', satisfactionAnswers: [] }, settings)).toBe(false)
  })
})
