import { describe, expect, test } from 'vitest'
import { API_TOKEN_BYTES, apiTokenFromBytes, bearerToken, shownPrefix } from './token-text'
import { etagOf, matchesEtag } from './etag'

const token = apiTokenFromBytes(new Uint8Array(API_TOKEN_BYTES).fill(7))

describe('API tokens', () => {
  test('a token is the prefix and 43 base64url characters; a list shows its first 12', () => {
    expect(token).toMatch(/^sipas_[A-Za-z0-9_-]{43}$/)
    expect(shownPrefix(token)).toBe(token.slice(0, 12))
  })

  test('the bearer header gives the token back', () => {
    expect(bearerToken(`Bearer ${token}`)).toBe(token)
    expect(bearerToken(`bearer   ${token} `)).toBe(token)
  })

  test('no header is told apart from a header that holds no token of ours', () => {
    expect(bearerToken(null)).toBeNull()
    for (const header of ['', 'Bearer', `Basic ${token}`, 'Bearer sipas_short', `Bearer ${token} extra`, `Bearer ${token}x`]) {
      expect(bearerToken(header), header).toBe('')
    }
  })
})

describe('ETags', () => {
  test('the same body has the same strong tag, another body another', () => {
    expect(etagOf('{"a":1}')).toBe(etagOf('{"a":1}'))
    expect(etagOf('{"a":1}')).not.toBe(etagOf('{"a":2}'))
    expect(etagOf('{}')).toMatch(/^"[A-Za-z0-9_-]{32}"$/)
  })

  test('If-None-Match matches the tag in a list, as a weak tag, or as *', () => {
    const tag = etagOf('x')
    expect(matchesEtag(tag, tag)).toBe(true)
    expect(matchesEtag(`"other", ${tag}`, tag)).toBe(true)
    expect(matchesEtag(`W/${tag}`, tag)).toBe(true)
    expect(matchesEtag('*', tag)).toBe(true)
    expect(matchesEtag('"other"', tag)).toBe(false)
    expect(matchesEtag(null, tag)).toBe(false)
  })
})
