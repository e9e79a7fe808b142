import type { Definition } from '~/questionnaire/definition'
import { proposeShortForm } from '~/questionnaire/short-form-design'

/**
 * The demo's questionnaire version carries a short form (docs/decisions/027-short-forms.md): the
 * split the editor's "propose" button gives, in seven blocks, so each short-form respondent answers
 * the core's 9 items and one block's 6 (15 of the 51) over 4 screens — 3 minutes by the time model
 * (app/questionnaire/answering-time.ts), the longest that keeps each block's items asked of a
 * seventh of the respondents (ADR 027 gives the item n this leaves). Campaigns still use the full
 * form on a channel until their `shortFormChannels` name it.
 */
export const DEMO_SHORT_FORM_BLOCKS = 7

export function withDemoShortForm(definition: Definition): Definition {
  return { ...definition, shortForm: proposeShortForm(definition, DEMO_SHORT_FORM_BLOCKS) }
}
