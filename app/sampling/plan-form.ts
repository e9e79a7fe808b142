import { z } from 'zod'
import { parsePlanInput } from './plan-import'

/**
 * The plan page's form for one service point: the same checks as a line of the import
 * (parsePlanInput), each bad field with its message (keys of the `sampling` namespace).
 */
export const PlanFormSchema = z
  .object({
    servicePointId: z.string().trim().min(1, 'plan.errors.servicePoint'),
    populationN: z.string().trim(),
    marginOfError: z.string().trim(),
    confidence: z.string().trim(),
  })
  .transform((form, context) => {
    const input = parsePlanInput(form, (field) => context.addIssue({ code: 'custom', path: [field], message: `plan.errors.${field}` }))
    return input ? { servicePointId: form.servicePointId, ...input } : z.NEVER
  })
