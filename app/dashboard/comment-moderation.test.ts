import { expect, test } from 'vitest'
import { HideCommentSchema } from './comment-moderation'

test('hiding needs a comment id and a reason', () => {
  expect(HideCommentSchema.safeParse({ responseId: 'x', reason: '' }).error?.issues.map((issue) => issue.message)).toEqual([
    'comments.errors.comment',
    'comments.errors.reason',
  ])
  expect(HideCommentSchema.parse({ responseId: '9b2f4c1e-8d3a-4f6b-9c2d-1e5f7a8b9c0d', reason: ' Xúc phạm cán bộ ' }).reason).toBe(
    'Xúc phạm cán bộ',
  )
})
