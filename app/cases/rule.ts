import type { CaseSettings } from './settings'

/*
 * Which valid responses open a case for the agency (docs/decisions/026-cases.md): the citizen
 * wrote a comment, so there is something to answer, and at least one satisfaction answer is at
 * or below the setting (1–5 scale). "Don't know" and "not applicable" are not answers about
 * satisfaction and never open one; agreement items do not either (they state facts about the
 * service, not the citizen's satisfaction).
 */

export type CaseFacts = {
  /** The response's free text, as stored (scrubbed), or null. */
  comment: string | null
  /** Its substantive (1–5) answers to satisfaction5 items (answerFacts in app/responses/flags.ts). */
  satisfactionAnswers: readonly number[]
}

export function opensCase(facts: CaseFacts, settings: Pick<CaseSettings, 'dissatisfiedAtOrBelow'>): boolean {
  if (facts.comment === null || facts.comment.trim() === '') return false
  return facts.satisfactionAnswers.some((value) => value >= 1 && value <= settings.dissatisfiedAtOrBelow)
}
