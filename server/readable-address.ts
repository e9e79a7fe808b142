import { isStorableText } from '../app/db/storable-text'

/**
 * Whether every part of a request's address decodes to text the app can use: a path segment or
 * query value holding %00, a lone surrogate or bytes that are not UTF-8 would reach a database
 * lookup as something PostgreSQL refuses (a 500 on every page that looks up an id from the URL).
 */
export function isReadableAddress(url: string): boolean {
  const queryAt = url.indexOf('?')
  const path = queryAt === -1 ? url : url.slice(0, queryAt)
  try {
    if (!isStorableText(decodeURIComponent(path))) return false
  } catch {
    // URIError: a malformed escape or bytes that are not UTF-8.
    return false
  }
  if (queryAt === -1) return true
  // URLSearchParams decodes leniently, leaving U+FFFD where the bytes were not UTF-8.
  for (const [name, value] of new URLSearchParams(url.slice(queryAt + 1))) {
    if (!isStorableText(name) || !isStorableText(value)) return false
  }
  return true
}
