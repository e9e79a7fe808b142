import { expect, test } from '@playwright/test'

// The production server answers POST /api/submissions ahead of Remix (server/submissions.ts, ADR 015); the
// contract itself is tested through both ways in by test/routes/submissions-api.integration.test.ts.
test('the production server answers the submission API in the contract’s format, language and headers', async ({
  request,
}) => {
  const vi = await request.post('/api/submissions', {
    headers: { 'Content-Type': 'application/json' },
    data: Buffer.from('{"id": '), // a string would be sent JSON-encoded
  })
  expect(vi.status()).toBe(400)
  expect(vi.headers()['cache-control']).toBe('no-store')
  expect(vi.headers()['x-content-type-options']).toBe('nosniff')
  expect((await vi.json()).error).toEqual({ code: 'invalid_json', message: 'Nội dung gửi lên không phải JSON hợp lệ.' })

  const en = await request.post('/api/submissions?lng=en', {
    headers: { 'Content-Type': 'text/plain' },
    data: Buffer.from('{}'),
  })
  expect(en.status()).toBe(415)
  expect((await en.json()).error).toEqual({
    code: 'unsupported_media_type',
    message: 'Submissions must be sent as JSON (Content-Type: application/json).',
  })

  const get = await request.get('/api/submissions')
  expect(get.status()).toBe(405)
  expect(get.headers().allow).toBe('POST')
})
