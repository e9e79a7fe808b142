import type { Definition } from './definition'
import { surveyPages } from './pages'

/*
 * How long a form takes to answer (docs/decisions/027-short-forms.md, "How long the phone short
 * form takes"; docs/methodology.md section 11): one model, of answers and screens, used by the
 * editor's estimate of each form, the phone survey's first page and the browser test's walk.
 * Pure.
 */

/**
 * Seconds one answer takes: reading a short rating question and choosing one of five answers.
 * The 2023 questionnaire's "about 10 minutes" for its 51 answers is about 12 s each with its
 * screens; this is the share of the answers alone.
 */
export const SECONDS_PER_ANSWER = 10

/** What the official full questionnaire (SIPAS 2023) announces: about 10 minutes. */
export const OFFICIAL_FULL_FORM_SECONDS = 10 * 60

/**
 * Seconds one screen takes besides its answers: reading its title and introduction and turning
 * it. Calibrated so that the full 2023 form, 51 answers over 12 screens (the screening page, its
 * ten sections and the review), takes its official 10 minutes: (600 − 51 × 10) / 12 = 7.5 s.
 */
export const SECONDS_PER_SCREEN = 7.5

/** A form's length as the model counts it: the answers given and the screens turned (the review's included). */
export type FormLength = { answers: number; screens: number }

/** The model: SECONDS_PER_ANSWER per answer plus SECONDS_PER_SCREEN per screen. */
export function answeringSeconds({ answers, screens }: FormLength): number {
  return answers * SECONDS_PER_ANSWER + screens * SECONDS_PER_SCREEN
}

/** answeringSeconds in minutes, to the nearest half minute, as the survey and the editor say it. */
export function answeringMinutes(length: FormLength): number {
  return Math.round(answeringSeconds(length) / 30) / 2
}

/**
 * The length of a form at most: every item asked (conditional ones included) and every page
 * (./pages.ts) turned, the screening page and the review included. For a short form pass the
 * form one block gives (askedDefinition in ./asked-form.ts), whose pages are packed.
 */
export function formLength(definition: Definition): FormLength {
  return { answers: definition.sections.reduce((sum, section) => sum + section.items.length, 0), screens: surveyPages(definition).length }
}
