import { z } from 'zod'

/**
 * The questionnaire definition format. A published version stores this document (for
 * rendering) and one `Item` row per item (for SQL aggregation). Texts are bilingual,
 * Vietnamese first. Validation messages are i18n keys in the `questionnaire` namespace.
 *
 * Answer coding, shared by storage and aggregation:
 * - scale items (satisfaction5, agreement5): 1 = very dissatisfied … 5 = very satisfied;
 * - choice items (yesNo, singleChoice, categorical, multiSelect): the option's `value` (≥ 1),
 *   one (item, value) answer per ticked option for multiSelect;
 * - number items: the number itself; text items: no value, the text;
 * - DONT_KNOW and NOT_APPLICABLE for the non-substantive answers an item allows.
 */
export const DONT_KNOW = -1
export const NOT_APPLICABLE = -2

const MAX_CODE_LENGTH = 40
export const MAX_TEXT_ANSWER_LENGTH = 2000

export const ITEM_KINDS = [
  'satisfaction5',
  'agreement5',
  'yesNo',
  'singleChoice',
  'categorical',
  'multiSelect',
  'text',
  'number',
] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export const SCALE_KINDS: readonly ItemKind[] = ['satisfaction5', 'agreement5']
export const CHOICE_KINDS: readonly ItemKind[] = ['yesNo', 'singleChoice', 'categorical', 'multiSelect']

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

/** How figures are computed from this version's answers (SIPAS.md, "How the numbers are computed"). */
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
