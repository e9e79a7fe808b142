import { describe, expect, test } from 'vitest'
import { ALLOWED_FROM, caseState, MAX_PUBLIC_REPLY_LENGTH, ReplySchema } from './case-forms'

describe('case forms and statuses', () => {
  test('an open case past its deadline is overdue; answered and closed ones never are', () => {
    expect(caseState('new', '2026-03-10', '2026-03-10')).toBe('open')
    expect(caseState('in_progress', '2026-03-10', '2026-03-11')).toBe('overdue')
    expect(caseState('answered', '2026-03-10', '2026-04-01')).toBe('answered')
    expect(caseState('closed', '2026-03-10', '2026-04-01')).toBe('closed')
  })

  test('a closed case takes no more changes, and only a new one is started', () => {
    for (const from of Object.values(ALLOWED_FROM)) expect(from).not.toContain('closed')
    expect(ALLOWED_FROM.start).toEqual(['new'])
  })

  test('a reply is required and limited in length', () => {
    expect(ReplySchema.safeParse({ publicReply: '   ' }).error?.issues[0]?.message).toBe('case.errors.replyRequired')
    expect(ReplySchema.safeParse({ publicReply: 'x'.repeat(MAX_PUBLIC_REPLY_LENGTH + 1) }).error?.issues[0]?.message).toBe(
      'case.errors.replyTooLong'
    )
    expect(ReplySchema.parse({ publicReply: '  Chúng tôi đã xử lý.  ' })).toEqual({ publicReply: 'Chúng tôi đã xử lý.' })
  })
})
