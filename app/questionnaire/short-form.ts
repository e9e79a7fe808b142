import type { Definition } from './definition'

/**
 * The short form of a version (a split questionnaire, docs/decisions/027-short-forms.md): each
 * respondent is asked the core and one block. Pure and free of zod: the kiosk draws blocks
 * offline in the browser with the same function the server checks submissions with.
 */

export type ShortForm = NonNullable<Definition['shortForm']>

/**
 * The block a response is asked, drawn from its id: reproducible (the server, the kiosk and a
 * re-rendered page agree without storing anything first) and, since response ids are random
 * UUIDs, equally likely for every block. The id is hashed (FNV-1a) rather than read as a number
 * so that ids which are not random — a paper sheet's — still spread evenly.
 */
export function formBlockFor(responseId: string, blockCount: number): number {
  if (!Number.isInteger(blockCount) || blockCount < 1) throw new Error(`A short form needs at least one block, got ${blockCount}`)
  let hash = 0x811c9dc5
  for (const char of responseId.toLowerCase()) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % blockCount
}

/** The item codes asked of a respondent given `block`, or null for the full form (every item). */
export function askedItemCodes(shortForm: ShortForm, block: number | null): ReadonlySet<string> | null {
  if (block === null) return null
  const chosen = shortForm.blocks[block]
  if (!chosen) throw new Error(`The short form has no block ${block}`)
  return new Set([...shortForm.core, ...chosen.items])
}
