import type { LocalizedText } from '../definition'

/**
 * Small builders that keep the templates readable: a template is mostly Vietnamese and English
 * text, and these spare it the surrounding object syntax. Option values are 1, 2, 3… in order.
 */
export function text(vi: string, en: string): LocalizedText {
  return { vi, en }
}

export function options(...labels: [vi: string, en: string][]) {
  return labels.map(([vi, en], index) => ({ value: index + 1, label: text(vi, en) }))
}

/** Coded 1 = yes, 2 = no, the coding every yes/no item shares. */
export const YES_NO = options(['Có', 'Yes'], ['Không', 'No'])
