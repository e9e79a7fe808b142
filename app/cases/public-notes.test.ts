import { describe, expect, test } from 'vitest'
import { MAX_NOTE_DID_LENGTH, PublishNoteSchema } from './public-notes'

describe('a note to publish', () => {
  test('both texts are trimmed and lose phone and ID numbers', () => {
    const note = PublishNoteSchema.parse({
      servicePointId: 'sp',
      said: ' Chờ lâu, gọi 0912 345 678 không ai nghe ',
      did: 'Đã thêm một quầy; CCCD 001203004567 của ông A đã được trả.',
    })
    expect(note).toEqual({
      servicePointId: 'sp',
      caseId: null,
      said: 'Chờ lâu, gọi [***] không ai nghe',
      did: 'Đã thêm một quầy; CCCD [***] của ông A đã được trả.',
    })
  })

  test('what was done is required and both texts are limited', () => {
    const refused = PublishNoteSchema.safeParse({ servicePointId: '', said: 'x'.repeat(1_001), did: '   ' })
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ['servicePointId', 'notes.errors.servicePoint'],
      ['said', 'notes.errors.saidTooLong'],
      ['did', 'notes.errors.didRequired'],
    ])
    expect(PublishNoteSchema.safeParse({ servicePointId: 'sp', did: 'x'.repeat(MAX_NOTE_DID_LENGTH + 1) }).error?.issues[0]?.message).toBe(
      'notes.errors.didTooLong',
    )
  })
})
