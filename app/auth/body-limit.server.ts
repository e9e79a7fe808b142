import { MAX_REQUEST_BODY_BYTES } from '../../server/limits.mjs'

export { MAX_REQUEST_BODY_BYTES }

/**
 * Reads a JSON body of at most `maxBytes`, throwing 413 beyond it. server.mjs already refuses
 * oversized requests by their Content-Length; this also holds under the dev server and for
 * bodies whose length header lies. Invalid JSON throws 400.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_REQUEST_BODY_BYTES): Promise<unknown> {
  const text = await readTextBody(request, maxBytes)
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw Response.json({ error: 'invalid_json' }, { status: 400 })
  }
}

/** Reads a text body of at most `maxBytes`, throwing 413 (JSON) beyond it, without buffering more. */
export async function readTextBody(request: Request, maxBytes = MAX_REQUEST_BODY_BYTES): Promise<string> {
  const tooLarge = () => Response.json({ error: 'payload_too_large', maxBytes }, { status: 413 })
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > maxBytes) throw tooLarge()
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
