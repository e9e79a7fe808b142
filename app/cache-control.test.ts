import { describe, expect, test } from 'vitest'
import { pageCacheHeaders } from './cache-control'

describe('page cache headers', () => {
  const publicHandle = { i18n: ['rankings'], cache: 'public' }

  test('a page is private and never stored unless its route says it is public', () => {
    for (const handle of [undefined, {}, { i18n: ['survey'] }, { cache: 'private' }]) {
      expect(pageCacheHeaders({ handle, signedIn: false, setsCookie: false })).toEqual({ 'Cache-Control': 'private, no-store' })
    }
  })

  test('a public page is revalidated before reuse and varies with the language hints', () => {
    expect(pageCacheHeaders({ handle: publicHandle, signedIn: false, setsCookie: false })).toEqual({
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Language, Cookie',
    })
  })

  test('a public page seen by someone signed in is private (its header shows who they are)', () => {
    expect(pageCacheHeaders({ handle: publicHandle, signedIn: true, setsCookie: false })).toEqual({
      'Cache-Control': 'private, no-store',
    })
  })

  test('a public page that sets a cookie is private: a shared cache would hand the cookie to others', () => {
    expect(pageCacheHeaders({ handle: publicHandle, signedIn: false, setsCookie: true })).toEqual({
      'Cache-Control': 'private, no-store',
    })
  })
})
