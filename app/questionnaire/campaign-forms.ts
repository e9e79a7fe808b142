import { z } from 'zod'

/*
 * The campaign's form per channel (docs/decisions/027-short-forms.md): for phone, kiosk and paper
 * the full questionnaire or its short form. One schema for the admin form, read by the action.
 */

/** The channels whose form a campaign chooses (the web survey is the phone survey's page). */
export const FORM_CHANNELS = ['phone', 'kiosk', 'paper'] as const
export type FormChannel = (typeof FORM_CHANNELS)[number]
const FORMS = ['full', 'short'] as const

const formChoice = z.enum(FORMS, { error: 'campaigns.errors.formChoice' })

export const CampaignFormsSchema = z.object({
  campaignId: z.string().min(1),
  phone: formChoice,
  kiosk: formChoice,
  paper: formChoice,
})

/** The channels set to the short form in a parsed CampaignFormsSchema. */
export function shortFormChannelsOf(forms: Record<FormChannel, (typeof FORMS)[number]>): FormChannel[] {
  return FORM_CHANNELS.filter((channel) => forms[channel] === 'short')
}
