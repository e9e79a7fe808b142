import { z } from 'zod'
import { TEMPLATES } from '../templates'

/** The "new questionnaire from a template" form, for the browser and the action alike. */
export const NewQuestionnaireSchema = z.object({
  template: z.enum(Object.keys(TEMPLATES) as [keyof typeof TEMPLATES], { error: 'editor.errors.template' }),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, { error: 'editor.errors.slug' }),
  title: z.string().trim().min(1, { error: 'editor.errors.titleRequired' }).max(200),
  titleEn: z.string().trim().min(1, { error: 'editor.errors.titleRequired' }).max(200),
})
export type NewQuestionnaire = z.infer<typeof NewQuestionnaireSchema>

/** The "new campaign" form. Dates are calendar days (YYYY-MM-DD, as date inputs send them). */
export const NewCampaignSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'campaigns.errors.nameRequired' }).max(200),
    nameEn: z.string().trim().min(1, { error: 'campaigns.errors.nameRequired' }).max(200),
    startsOn: z.iso.date({ error: 'campaigns.errors.date' }),
    endsOn: z.iso.date({ error: 'campaigns.errors.date' }),
    provinceId: z.string().trim().optional(),
    versionId: z.string().min(1, { error: 'campaigns.errors.versionNotPublished' }),
    servicePointCodes: z.string().optional(),
    allServicePoints: z.literal('on').optional(),
  })
  .refine((value) => value.startsOn <= value.endsOn, { error: 'campaigns.errors.endsBeforeStart', path: ['endsOn'] })
  .refine((value) => value.allServicePoints === 'on' || (value.servicePointCodes ?? '').trim() !== '', {
    error: 'campaigns.errors.noServicePoints',
    path: ['servicePointCodes'],
  })
export type NewCampaign = z.infer<typeof NewCampaignSchema>

/** Service point codes typed one per line or separated by commas or spaces. */
export function parseCodes(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/[\s,;]+/).map((code) => code.trim()).filter(Boolean))]
}
