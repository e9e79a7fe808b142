import type { Language } from '~/i18n/config'
import { DONT_KNOW, NOT_APPLICABLE, SCALE_KINDS } from '~/questionnaire/coding'
import type { Definition, Item, LocalizedText } from '~/questionnaire/definition'
import type { SurveyPage } from '~/questionnaire/pages'
import type { AnswerValue } from '~/responses/answers'

/** The `t` of the `survey` namespace (react-i18next's is assignable to it). */
export type Translate = (key: string, options?: Record<string, unknown>) => string

/** A questionnaire text in the page language; Vietnamese when a translation is missing. */
export function localized(text: LocalizedText, lang: Language): string {
  return text[lang] || text.vi
}

export type Choice = { value: number; label: string; nonSubstantive: boolean }

/**
 * The answers an item offers, in order: the five scale points in words, or the item's options,
 * then "don't know" and "not applicable" where the item allows them.
 */
export function choicesOf(item: Item, lang: Language, t: Translate): Choice[] {
  const main = SCALE_KINDS.includes(item.kind)
    ? [1, 2, 3, 4, 5].map((value) => ({ value, label: t(`scale.${item.kind}.${value}`), nonSubstantive: false }))
    : (item.options ?? []).map((option) => ({ value: option.value, label: localized(option.label, lang), nonSubstantive: false }))
  return [
    ...main,
    ...(item.allowDontKnow ? [{ value: DONT_KNOW, label: t('dontKnow'), nonSubstantive: true }] : []),
    ...(item.allowNotApplicable ? [{ value: NOT_APPLICABLE, label: t('notApplicable'), nonSubstantive: true }] : []),
  ]
}

/** An answer as the respondent chose it, in words (the review page). */
export function answerTexts(item: Item, value: AnswerValue, lang: Language, t: Translate): string[] {
  if (typeof value === 'string') return [value]
  if (item.kind === 'number') return [String(value)]
  const labels = new Map(choicesOf(item, lang, t).map((choice) => [choice.value, choice.label]))
  return [value].flat().map((coded) => labels.get(coded) ?? String(coded))
}

/** When an item only applies after a given answer on the same page, that condition in words. */
export function conditionText(definition: Definition, item: Item, lang: Language, t: Translate): string | undefined {
  const condition = item.showIf
  if (!condition) return undefined
  const source = definition.sections.flatMap((section) => section.items).find((candidate) => candidate.code === condition.item)
  if (!source) return undefined
  const question = localized(source.text, lang)
  if (condition.op === 'answered') return t('condition.answered', { question })
  const labels = new Map(choicesOf(source, lang, t).map((choice) => [choice.value, choice.label]))
  const values = condition.value === undefined ? [] : [condition.value].flat()
  const answers = new Intl.ListFormat(lang, { type: 'disjunction' }).format(values.map((value) => labels.get(value) ?? String(value)))
  return t(condition.op === 'notEquals' ? 'condition.notEquals' : 'condition.equals', { question, answers })
}

/**
 * A page's heading: the survey's title on the screening page, else its sections' titles (a
 * short form's page may pack several, app/questionnaire/pages.ts).
 */
export function pageTitle(definition: Definition, page: SurveyPage, lang: Language, t: Translate): string {
  if (page.kind === 'section') return page.sections.map((section) => localized(section.title, lang)).join(' · ')
  if (page.kind === 'review') return t('review.title')
  return localized(definition.title, lang)
}
