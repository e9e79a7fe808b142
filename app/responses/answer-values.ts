/*
 * Answers as every channel sends them: a map keyed by item code, scale and single-choice items →
 * a number, multi-select → an array of numbers, number → a number, text → a string, with the
 * coding of app/questionnaire/coding.ts. The checks are in ./answers.ts, which re-exports all of
 * this; this module has no zod, so browser code that only reads answers (the kiosk) ships none.
 */

export type AnswerValue = number | number[] | string
export type SubmittedAnswers = Record<string, AnswerValue>

/** Upper bound of a number item without its own `max` (Response.answerValues holds 32-bit integers). */
export const MAX_NUMBER_ANSWER = 1_000_000

/** How free text is stored: Unicode NFC (Vietnamese typed on different keyboards compares equal), trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').trim()
}

/** The coded answers, as conditions (app/questionnaire/conditions.ts) read them; text is left out. */
export function codedAnswers(answers: Readonly<SubmittedAnswers>): Map<string, number[]> {
  const coded = new Map<string, number[]>()
  for (const [code, value] of Object.entries(answers)) {
    if (typeof value === 'number') coded.set(code, [value])
    else if (Array.isArray(value)) coded.set(code, value)
  }
  return coded
}
