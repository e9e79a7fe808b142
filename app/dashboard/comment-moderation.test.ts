import { expect, test } from 'vitest'
import type { Actor } from '~/auth/access'
import { HideCommentSchema, canModerateComments } from './comment-moderation'

const user = (role: Actor['role'], agencyId: string | null = null): Actor => ({ id: 'u', role, provinceId: 'p', agencyId })

test("an agency's manager and the Ministry administrator moderate its comments", () => {
  expect(canModerateComments(user('agency_manager', 'a'), 'a')).toBe(true)
  expect(canModerateComments(user('ministry_admin'), 'a')).toBe(true)
})

test('viewers, other agencies, analysts and province administrators do not', () => {
  expect(canModerateComments(user('agency_viewer', 'a'), 'a')).toBe(false)
  expect(canModerateComments(user('agency_manager', 'b'), 'a')).toBe(false)
  expect(canModerateComments(user('ministry_analyst'), 'a')).toBe(false)
  expect(canModerateComments(user('province_admin'), 'a')).toBe(false)
})

test('hiding needs a comment id and a reason', () => {
  expect(HideCommentSchema.safeParse({ responseId: 'x', reason: '' }).error?.issues.map((issue) => issue.message)).toEqual([
    'comments.errors.comment',
    'comments.errors.reason',
  ])
  expect(HideCommentSchema.parse({ responseId: '9b2f4c1e-8d3a-4f6b-9c2d-1e5f7a8b9c0d', reason: ' Xúc phạm cán bộ ' }).reason).toBe(
    'Xúc phạm cán bộ',
  )
})
