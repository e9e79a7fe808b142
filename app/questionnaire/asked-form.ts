import type { Definition } from './definition'
import { askedItemCodes, formBlockFor } from './short-form'

/*
 * Which form a respondent is asked (docs/decisions/027-short-forms.md): the full version, or its
 * short form — the core and one block — when the campaign uses the short form on the response's
 * channel. Pure and free of zod: the server's submission check, the phone survey and the kiosk
 * (offline, in the browser) decide with these same functions, so they always agree.
 */

/** What a campaign says about its channels: those answering the short form (Campaign.shortFormChannels). */
export type ShortFormChannels = readonly string[]

/**
 * The block a response is asked, or null for the full form: the version must have a short form
 * and the campaign use it on `channel`; the block is then drawn from the response id.
 */
export function askedFormBlock(
  definition: Definition,
  shortFormChannels: ShortFormChannels,
  channel: string,
  responseId: string,
): number | null {
  const shortForm = definition.shortForm
  if (!shortForm || shortForm.blocks.length === 0 || !shortFormChannels.includes(channel)) return null
  return formBlockFor(responseId, shortForm.blocks.length)
}

/** Whether the campaign asks the short form on `channel` (the version having one). */
export function usesShortForm(definition: Definition, shortFormChannels: ShortFormChannels, channel: string): boolean {
  return Boolean(definition.shortForm?.blocks.length) && shortFormChannels.includes(channel)
}

const askedDefinitions = new WeakMap<Definition, Map<number, Definition>>()
const shortFormDefinitions = new WeakSet<Definition>()

/**
 * Whether `definition` is a short form as askedDefinition made it: its pages pack consecutive
 * sections (./pages.ts), where the full form keeps one page per section.
 */
export function isShortFormDefinition(definition: Definition): boolean {
  return shortFormDefinitions.has(definition)
}

/**
 * The version as a respondent given `block` sees it: its sections with only the core's and the
 * block's items, sections left empty dropped. `block` null is the version itself. One object per
 * (version, block), so the caches keyed by definition (answer checks, pages) keep working.
 */
export function askedDefinition(definition: Definition, block: number | null): Definition {
  if (block === null || !definition.shortForm) return definition
  let byBlock = askedDefinitions.get(definition)
  if (!byBlock) askedDefinitions.set(definition, (byBlock = new Map()))
  let asked = byBlock.get(block)
  if (!asked) {
    const codes = askedItemCodes(definition.shortForm, block)!
    asked = {
      ...definition,
      sections: definition.sections
        .map((section) => ({ ...section, items: section.items.filter((item) => codes.has(item.code)) }))
        .filter((section) => section.items.length > 0),
    }
    byBlock.set(block, asked)
    shortFormDefinitions.add(asked)
  }
  return asked
}
