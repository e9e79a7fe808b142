import { z } from 'zod'

/*
 * The opaque cursor of a paginated answer: the sort key of the last item of the page before,
 * base64url-encoded JSON with a version. Items are in ascending order of their key, so a page
 * starts after the cursor's key; a unit added while a client walks the list is not seen twice
 * and none is skipped (keyset, not offset).
 */

/** Items a page holds when `limit` is not given, and the most it may ask for. */
export const DEFAULT_PAGE_LIMIT = 100
export const MAX_PAGE_LIMIT = 1000
/** A key longer than this is not one we wrote. */
const MAX_KEY_LENGTH = 300

const CursorSchema = z.object({ v: z.literal(1), after: z.string().min(1).max(MAX_KEY_LENGTH) }).strict()

export function encodeCursor(after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, after })).toString('base64url')
}

/** The key a cursor carries; null for anything we did not write. */
export function decodeCursor(cursor: string): string | null {
  if (cursor.length === 0 || cursor.length > MAX_KEY_LENGTH * 2 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
    return parsed.success ? parsed.data.after : null
  } catch {
    return null
  }
}

export type Page<T> = { items: T[]; next: string | null }

/**
 * One page of `items` (sorted ascending by `keyOf`, keys unique): those after `after`, at most
 * `limit`, and the cursor of the next page (null on the last).
 */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string, after: string | null, limit: number): Page<T> {
  const start = after === null ? 0 : firstAfter(items, keyOf, after)
  const page = items.slice(start, start + limit)
  const more = start + limit < items.length
  return { items: page, next: more && page.length > 0 ? encodeCursor(keyOf(page.at(-1)!)) : null }
}

/** Index of the first item whose key is greater than `after` (binary search). */
function firstAfter<T>(items: readonly T[], keyOf: (item: T) => string, after: string): number {
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (keyOf(items[middle]!) <= after) low = middle + 1
    else high = middle
  }
  return low
}
