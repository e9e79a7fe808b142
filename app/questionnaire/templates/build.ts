import type { LocalizedText } from '../definition'

/**
 * Small builders that keep the templates readable: a template is mostly Vietnamese and English
 * text, and these spare it the surrounding object syntax. Option values are 1, 2, 3… in order.
 */
export function text(vi: string, en: string): LocalizedText {
  return { vi, en }
}

export function options(...labels: [vi: string, en: string][]) {
  return labels.map(([vi, en], index) => ({
    value: index + 1,
    label: text(vi, en),
  }))
}

/** Coded 1 = yes, 2 = no, the coding every yes/no item shares. */
export const YES_NO = options(['Có', 'Yes'], ['Không', 'No'])

/**
 * The official wording of a SIPAS questionnaire's elements and closing priorities, kept as data in
 * JSON beside each template (sipas-2017-wording.json, sipas-2023-wording.json) so that it reads as
 * one table; each template's code only says how these texts are asked.
 */
export type TemplateWording = { elements: ElementData[]; priorities: PrioritiesData }

/**
 * One element: the section title, the criteria asked one by one, the overall question about the
 * element, the element's name in results, and the answers beyond the scale its items offer.
 */
export type ElementData = {
  code: string
  name: LocalizedText
  title: LocalizedText
  criteria: { code: string; vi: string; en: string }[]
  overall: LocalizedText
  allowDontKnow?: boolean
  allowNotApplicable?: boolean
}

/** The answers beyond the scale an element's items offer, as item fields. */
export function extraAnswers({ allowDontKnow, allowNotApplicable }: ElementData) {
  return {
    ...(allowDontKnow && { allowDontKnow }),
    ...(allowNotApplicable && { allowNotApplicable }),
  }
}

/** The closing question: which improvements the respondent wants first, tick all that apply. */
export type PrioritiesData = { code: string; title: LocalizedText; question: LocalizedText; choices: LocalizedText[] }
