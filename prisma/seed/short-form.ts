import type { Definition } from '~/questionnaire/definition'
import { proposeShortForm } from '~/questionnaire/short-form-design'

/**
 * The demo's questionnaire version carries a short form (docs/decisions/027-short-forms.md): the
 * split the editor's "propose" button gives, in four blocks, so each short-form respondent answers
 * the core's 9 items and one block's 10 or 11 (19 or 20 of the 51). Campaigns still use the full
 * form on a channel until their `shortFormChannels` name it.
 */
export const DEMO_SHORT_FORM_BLOCKS = 4

export function withDemoShortForm(definition: Definition): Definition {
  return { ...definition, shortForm: proposeShortForm(definition, DEMO_SHORT_FORM_BLOCKS) }
}
