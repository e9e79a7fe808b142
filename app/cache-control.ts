/*
 * How long a page may be kept, decided once for every page in entry.server.tsx
 * (docs/decisions/017-one-server.md). A page is private unless its route says otherwise:
 * staff screens, the phone survey (a citizen's answers), sign-in, and any page a signed-in
 * person sees carry their data or their session.
 */

/**
 * A route whose page is the same for everyone in a given language (home, rankings, provinces,
 * privacy) says so: `export const handle = { cache: 'public' } satisfies CacheHandle`.
 */
export type CacheHandle = { cache?: 'public' }

/** Never stored by the browser or by any cache on the way. */
export const PRIVATE_PAGE = 'private, no-store'

/**
 * Public pages may be stored but must be revalidated before every reuse: the figures change when
 * a snapshot is published, and each page carries its own CSP nonce, which a cached copy would hand
 * to everyone.
 */
const PUBLIC_PAGE = 'no-cache'

/** The language, and so the page, comes from the `lng` cookie or Accept-Language. */
const PUBLIC_PAGE_VARY = 'Accept-Language, Cookie'

export type PageCacheFacts = {
  /** The `handle` of the deepest matched route (the page's own route). */
  handle: unknown
  /** The request carries a valid session cookie. */
  signedIn: boolean
  /** The response sets a cookie (e.g. the language chosen with `?lng=`). */
  setsCookie: boolean
}

/** The Cache-Control (and Vary) of an HTML page. */
export function pageCacheHeaders({ handle, signedIn, setsCookie }: PageCacheFacts): Record<string, string> {
  const isPublic = (handle as CacheHandle | undefined)?.cache === 'public'
  if (!isPublic || signedIn || setsCookie) return { 'Cache-Control': PRIVATE_PAGE }
  return { 'Cache-Control': PUBLIC_PAGE, Vary: PUBLIC_PAGE_VARY }
}

/**
 * A file whose address names one content forever (a published open-data file: its period, version
 * and name, ADR 022): any cache may keep it for a year without asking again.
 */
export const IMMUTABLE_FILE = 'public, max-age=31536000, immutable'
