import { z } from 'zod'
import { ITEM_KINDS, SCALE_KINDS } from './coding'

// The coding lives in a module without zod, so browser code that only needs it (the kiosk) ships no zod.
export { CHOICE_KINDS, DONT_KNOW, ITEM_KINDS, type ItemKind, MAX_TEXT_ANSWER_LENGTH, NOT_APPLICABLE, SCALE_KINDS } from './coding'

/**
 * The questionnaire definition format. A published version stores this document (for
 * rendering) and one `Item` row per item (for SQL aggregation). Texts are bilingual,
 * Vietnamese first. Validation messages are i18n keys in the `questionnaire` namespace.
 * The answer coding shared by storage and aggregation is in ./coding.ts.
 */

const MAX_CODE_LENGTH = 40

const CodeSchema = z
  .string()
  .min(1, 'errors.codeRequired')
  .max(MAX_CODE_LENGTH, 'errors.codeTooLong')
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'errors.codeFormat')

/** Both languages; a draft may hold empty strings, publishing requires both. */
const TextSchema = z.object({ vi: z.string(), en: z.string() })
export type LocalizedText = z.infer<typeof TextSchema>

const OptionSchema = z.object({
  value: z.number().int().min(1),
  label: TextSchema,
})

/** Show an item or section only when an earlier answer matches. */
const ConditionSchema = z.object({
  item: CodeSchema,
  op: z.enum(['equals', 'notEquals', 'in', 'answered']),
  value: z.union([z.number().int(), z.array(z.number().int())]).optional(),
})
export type Condition = z.infer<typeof ConditionSchema>

const ItemSchema = z.object({
  code: CodeSchema,
  kind: z.enum(ITEM_KINDS),
  text: TextSchema,
  help: TextSchema.optional(),
  required: z.boolean().default(true),
  options: z.array(OptionSchema).optional(),
  allowDontKnow: z.boolean().default(false),
  allowNotApplicable: z.boolean().default(false),
  /** Coded values that count as the positive answer in rates (default for scales: 4 and 5). */
  positive: z.array(z.number().int()).optional(),
  showIf: ConditionSchema.optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
})
export type Item = z.infer<typeof ItemSchema>

const SectionSchema = z.object({
  code: CodeSchema,
  title: TextSchema,
  intro: TextSchema.optional(),
  showIf: ConditionSchema.optional(),
  items: z.array(ItemSchema),
})
export type Section = z.infer<typeof SectionSchema>

/** How figures are computed from this version's answers (docs/methodology.md, sections 2–3). */
const MethodologySchema = z.object({
  elements: z.array(
    z.object({
      code: CodeSchema,
      name: TextSchema,
      /** Items whose rates make up the element when `index` is 'mean'. */
      items: z.array(CodeSchema),
      /** The "satisfied with this element in general" item. */
      generalItem: CodeSchema.optional(),
      index: z.enum(['general', 'mean']),
    }),
  ),
  /** 2023+: the satisfaction contents (policy, administrative services). */
  aspects: z
    .array(
      z.object({
        code: CodeSchema,
        name: TextSchema,
        elements: z.array(CodeSchema),
      }),
    )
    .default([]),
  unitIndex: z.enum(['meanOfElements', 'meanOfAspects']),
})
export type Methodology = z.infer<typeof MethodologySchema>

export const DefinitionSchema = z.object({
  title: TextSchema,
  intro: TextSchema.optional(),
  /** An answer outside `eligible` ends the survey politely with `endMessage`. */
  screening: z.object({
    item: CodeSchema,
    eligible: z.array(z.number().int()),
    endMessage: TextSchema,
  }),
  sections: z.array(SectionSchema).min(1, 'errors.noSections'),
  methodology: MethodologySchema,
  /**
   * The items a kiosk asks (docs/decisions/019-kiosk.md); absent = the default kiosk form of
   * app/questionnaire/kiosk-form.ts.
   */
  kioskForm: z.object({ items: z.array(CodeSchema) }).optional(),
  /**
   * A split questionnaire (docs/decisions/027-short-forms.md): every respondent of a channel set
   * to the short form is asked the core and one block, drawn from the response id
   * (./short-form.ts), so each block's items are asked of about 1/k of respondents.
   */
  shortForm: z
    .object({
      core: z.array(CodeSchema),
      blocks: z.array(z.object({ code: CodeSchema, title: TextSchema, items: z.array(CodeSchema) })),
    })
    .optional(),
})
export type Definition = z.infer<typeof DefinitionSchema>

export function allItems(definition: Definition): Item[] {
  return definition.sections.flatMap((section) => section.items)
}

/** Values that count as positive for an item, per the answer coding above. */
export function positiveValues(item: Item): number[] {
  if (item.positive) return item.positive
  if (SCALE_KINDS.includes(item.kind)) return [4, 5]
  if (item.kind === 'yesNo') return [1]
  return []
}
