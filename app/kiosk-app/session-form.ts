import { askedFormBlock } from '~/questionnaire/asked-form'
import { askedItemCodes } from '~/questionnaire/short-form'
import type { KioskConfig } from './kiosk-config'

/**
 * The items one respondent at the kiosk is asked: the kiosk form, or — where the campaign asks
 * kiosks the short form (docs/decisions/027-short-forms.md) — the core and the block the
 * response id draws, decided offline with the function the server checks the submission with.
 */
export function sessionForm(config: KioskConfig, responseId: string): { items: string[]; shortForm: boolean } {
  const { definition } = config.version
  const block = askedFormBlock(definition, config.shortFormChannels ?? [], 'kiosk', responseId)
  if (block === null) return { items: config.form, shortForm: false }
  return { items: [...askedItemCodes(definition.shortForm!, block)!], shortForm: true }
}
