import { z } from 'zod'
import { optionalText } from '~/forms/text-fields'
import { INDICES, PEER_GROUPS, isInnerPeerGroup } from './indices'
import { MAX_RANKING_YEAR, MIN_RANKING_YEAR } from './ranking-query'
import { parseGroupsText } from './ranking-settings'

/* The ranking administration forms (messages are `rankings` keys). */

const year = z.coerce
  .number({ error: 'admin.errors.year' })
  .int({ error: 'admin.errors.year' })
  .min(MIN_RANKING_YEAR, { error: 'admin.errors.year' })
  .max(MAX_RANKING_YEAR, { error: 'admin.errors.year' })

/** Freezing the official ranking of a peer group and year. */
export const FreezeSchema = z
  .object({
    year,
    index: z.enum(INDICES, { error: 'admin.errors.index' }),
    group: z.enum(PEER_GROUPS, { error: 'admin.errors.group' }),
    province: optionalText,
  })
  .superRefine((value, context) => {
    if (isInnerPeerGroup(value.group) && !value.province) {
      context.addIssue({ code: 'custom', path: ['province'], message: 'admin.errors.provinceRequired' })
    }
  })
  .transform((value) => ({ ...value, province: isInnerPeerGroup(value.group) ? value.province : null }))

/** Grade bands of an index for a year, typed as "A:90, B:80, C:70, D:0". */
export const GroupsSchema = z.object({
  year,
  index: z.enum(INDICES, { error: 'admin.errors.index' }),
  bands: z.string().transform((text, context) => {
    const bands = parseGroupsText(text)
    if (bands === null) {
      context.addIssue({ code: 'custom', message: 'admin.errors.bands' })
      return z.NEVER
    }
    return bands
  }),
})

/** The maximum points of PAR INDEX's satisfaction criterion for a year (decimal comma allowed). */
export const SipasPointsFormSchema = z.object({
  year,
  points: z
    .string()
    .trim()
    .transform((text) => Number(text.replace(',', '.')))
    // The same bounds as SipasPointsSchema, with the form's message.
    .pipe(z.number({ error: 'admin.errors.points' }).gt(0, { error: 'admin.errors.points' }).max(100, { error: 'admin.errors.points' })),
})
