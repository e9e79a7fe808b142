/**
 * How answers are coded, shared by storage, aggregation and every client. Without zod, so a
 * browser bundle that needs only the coding (the kiosk, app/kiosk-app) stays small;
 * ./definition.ts re-exports all of it.
 *
 * - scale items (satisfaction5, agreement5): 1 = very dissatisfied … 5 = very satisfied;
 * - choice items (yesNo, singleChoice, categorical, multiSelect): the option's `value` (≥ 1),
 *   one (item, value) answer per ticked option for multiSelect;
 * - number items: the number itself; text items: no value, the text;
 * - DONT_KNOW and NOT_APPLICABLE for the non-substantive answers an item allows.
 */
export const DONT_KNOW = -1
export const NOT_APPLICABLE = -2

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
