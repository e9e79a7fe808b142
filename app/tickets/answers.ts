import type { Definition } from '~/questionnaire/definition'
import { isProcedureField, PROCEDURE_FIELD_ITEM, PROCEDURE_FIELDS } from './fields'

/**
 * The answers a rating ticket gives for the citizen (docs/decisions/025-rating-tickets.md): the
 * screening question answered "received the result here" (the definition's first eligible
 * answer) and, when the ticket names a procedure field the questionnaire asks about, that field.
 * A ticketed response carries these whatever the citizen's client sent for the same items.
 */
export function ticketAnswers(definition: Definition, field: string | null): Record<string, number> {
  const answers: Record<string, number> = { [definition.screening.item]: definition.screening.eligible[0]! }
  if (field === null || !isProcedureField(field)) return answers
  const value = PROCEDURE_FIELDS[field]
  const item = definition.sections.flatMap((section) => section.items).find((candidate) => candidate.code === PROCEDURE_FIELD_ITEM)
  if (item?.options?.some((option) => option.value === value)) answers[PROCEDURE_FIELD_ITEM] = value
  return answers
}

/** The submitted answers with the ticket's in their place; anything but an object is left to be refused. */
export function withTicketAnswers(submitted: unknown, fixed: Readonly<Record<string, number>>): unknown {
  if (submitted === null || typeof submitted !== 'object' || Array.isArray(submitted)) return submitted
  return { ...submitted, ...fixed }
}
