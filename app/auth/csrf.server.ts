import { createHmac, timingSafeEqual } from 'node:crypto'
import { CSRF_FIELD } from './csrf'
import { getSessionId, SESSION_SECRET } from './session.server'

/*
 * Session-bound CSRF tokens: the token is an HMAC of the session id, so it needs no storage,
 * changes at every sign-in, and a page on another site can neither read nor compute it.
 * SameSite=Lax already keeps the cookie off cross-site POSTs in current browsers; the token
 * covers older browsers and same-site subdomains.
 */

function tokenFor(sessionId: string): string {
  return createHmac('sha256', SESSION_SECRET).update(`csrf:${sessionId}`).digest('base64url')
}

/** The token forms must carry, or null when nobody is signed in. */
export async function getCsrfToken(request: Request): Promise<string | null> {
  const sessionId = await getSessionId(request)
  return sessionId ? tokenFor(sessionId) : null
}

/** Throws 403 unless the form carries the token bound to this request's session. */
export async function validateCsrf(request: Request, formData: FormData): Promise<void> {
  const expected = await getCsrfToken(request)
  const given = formData.get(CSRF_FIELD)
  if (!expected || typeof given !== 'string' || !sameToken(given, expected)) {
    throw new Response(null, { status: 403 })
  }
}

/** The posted form of an action, once it carries this session's token (403 otherwise). */
export async function requireCsrfForm(request: Request): Promise<FormData> {
  const formData = await request.formData()
  await validateCsrf(request, formData)
  return formData
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
