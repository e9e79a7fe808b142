import { describe, expect, test } from 'vitest'
import { decodeCursor, encodeCursor, pageOf } from './cursor'

describe('cursors', () => {
  test('a cursor gives back the key it was made from', () => {
    for (const key of ['1:HN:abc', '00000042', 'ü:ạ:😀']) expect(decodeCursor(encodeCursor(key))).toBe(key)
  })

  test.each([
    ['empty', ''],
    ['not base64url', 'a b+c/='],
    ['base64 of text', Buffer.from('hello').toString('base64url')],
    ['JSON without a version', Buffer.from('{"after":"x"}').toString('base64url')],
    ['another version', Buffer.from('{"v":2,"after":"x"}').toString('base64url')],
    ['an extra field', Buffer.from('{"v":1,"after":"x","offset":3}').toString('base64url')],
    ['an empty key', Buffer.from('{"v":1,"after":""}').toString('base64url')],
    ['a number for a key', Buffer.from('{"v":1,"after":5}').toString('base64url')],
    ['too long', 'A'.repeat(5000)],
  ])('%s is refused', (_, garbage) => {
    expect(decodeCursor(garbage)).toBeNull()
  })
})

describe('pages', () => {
  const items = Array.from({ length: 7 }, (_, i) => `k${i}`)
  const key = (item: string) => item

  test('walking the cursors visits every item exactly once, in order', () => {
    const seen: string[] = []
    let after: string | null = null
    for (let pages = 0; pages < 10; pages++) {
      const page = pageOf(items, key, after, 3)
      seen.push(...page.items)
      if (!page.next) break
      after = decodeCursor(page.next)
    }
    expect(seen).toEqual(items)
  })

  test('the last page has no next cursor, nor does a page that holds everything', () => {
    expect(pageOf(items, key, null, 7).next).toBeNull()
    expect(pageOf(items, key, 'k3', 3)).toEqual({ items: ['k4', 'k5', 'k6'], next: null })
  })

  test('a key that has gone since still places the page', () => {
    expect(pageOf(['a', 'c', 'e'], key, 'b', 10).items).toEqual(['c', 'e'])
  })
})
