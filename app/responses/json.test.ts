import { describe, expect, test } from 'vitest'
import { canonicalJson, canonicalJsonOfKnownKeys, findDuplicateKey, parseSubmissionJson, sortedKeys } from './json'
import { SubmissionError } from './errors'

describe('parsing a submission body', () => {
  test('valid JSON parses', () => {
    expect(parseSubmissionJson('{"a":1,"b":{"c":[1,{"d":"x"}]}}')).toEqual({ a: 1, b: { c: [1, { d: 'x' }] } })
  })

  test('malformed JSON is invalid_json', () => {
    for (const text of ['{', '', '{"a":}', "{'a':1}"]) {
      expect(() => parseSubmissionJson(text)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_json' }) as SubmissionError)
    }
  })

  test('a key repeated within one object is duplicate_key, at any depth', () => {
    expect(findDuplicateKey('{"answers":{"q1":5,"q1":1}}')).toBe('q1')
    expect(findDuplicateKey('{"id":"a","id":"b"}')).toBe('id')
    expect(findDuplicateKey('[{"a":1},{"a":2}]')).toBeNull()
    expect(findDuplicateKey('{"a":{"x":1},"b":{"x":2}}')).toBeNull()
    expect(() => parseSubmissionJson('{"answers":{"q1":5,"q1":1}}')).toThrow(
      expect.objectContaining({ code: 'duplicate_key', params: { key: 'q1' } }) as SubmissionError,
    )
  })

  test('keys are compared decoded, and strings that look like keys are not keys', () => {
    expect(findDuplicateKey('{"q\\u0031":1,"q1":2}')).toBe('q1')
    expect(findDuplicateKey('{"a":"\\"b\\":1,","b":1}')).toBeNull()
    expect(findDuplicateKey('{"a":["a","a"],"b":"a"}')).toBeNull()
  })
})

describe('canonical JSON', () => {
  test('is the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [2, 1] }, b: 1 }))
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}')
  })

  test('leaves out undefined fields and keeps a __proto__ key as data', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}')
    expect(canonicalJson(JSON.parse('{"__proto__":1}'))).toBe('{"__proto__":1}')
  })

  test('of an object with known keys is the text canonicalJson gives, whatever the order or the keys present', () => {
    const keys = sortedKeys(['q.b', 'q10', 'q2', 'Q1', 'đánh_giá', 'a"quote', 'tiện.ích', '__proto__'])
    const answers: Record<string, unknown>[] = [
      { q2: 5, 'q.b': [3, 1], q10: -1, 'đánh_giá': 'Cán bộ \"tận tình\"\n', Q1: 0 },
      { 'tiện.ích': [], q10: 4 },
      JSON.parse('{"__proto__": 2, "a\\"quote": 1}') as Record<string, unknown>,
      {},
    ]
    for (const value of answers) {
      expect(canonicalJson({ id: 'x', answers: canonicalJsonOfKnownKeys(value, keys) })).toBe(
        canonicalJson({ id: 'x', answers: value }),
      )
    }
  })
})
