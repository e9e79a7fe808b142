/*
 * The procedure fields a ticket may name, as the dossier-management system says them, and the
 * option of the questionnaires' `demo.procedure_field` item each one answers
 * (app/questionnaire/templates/common-sections.ts): a ticket's field is answered for the citizen.
 */
export const PROCEDURE_FIELD_ITEM = 'demo.procedure_field'

export const PROCEDURE_FIELDS = {
  land: 1,
  civil_status: 2,
  certification: 3,
  construction: 4,
  business_registration: 5,
  labour_social: 6,
  justice: 7,
  transport: 8,
  other: 9,
} as const

export type ProcedureField = keyof typeof PROCEDURE_FIELDS
export const PROCEDURE_FIELD_CODES = Object.keys(PROCEDURE_FIELDS) as ProcedureField[]

export function isProcedureField(code: string): code is ProcedureField {
  return Object.hasOwn(PROCEDURE_FIELDS, code)
}
