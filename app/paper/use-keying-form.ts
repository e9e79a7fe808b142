import { type FocusEvent, type FormEvent, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { visibleItems } from '~/questionnaire/conditions'
import type { Definition } from '~/questionnaire/definition'
import { codedAnswers } from '~/responses/answers'
import { readKeyedAnswers } from './sheet-form'
import { readVoidKey, VOID_REASON_FIELD } from './void'

/** Which items of a sheet take answers: those the answers so far show; none once it is marked void. */
type KeyingState = { sheetKey: string; visible: ReadonlySet<string>; voided: boolean }

/**
 * What JavaScript adds to the keying form (it works without): items hidden by earlier answers,
 * or all of them on a void sheet, are skipped, the cursor moves on as soon as a whole key is
 * typed, and a field's old content is selected on arrival so typing replaces it. `sheetKey`
 * changes with each new sheet.
 */
export function useKeyingForm(definition: Definition, sheetKey: string) {
  const formRef = useRef<HTMLFormElement>(null)
  // null until hydrated: the server renders every item enabled, as a plain form needs.
  const [state, setState] = useState<KeyingState | null>(null)

  useEffect(() => {
    if (formRef.current) setState(keyingState(definition, formRef.current, sheetKey))
  }, [definition, sheetKey])

  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    const input = event.target
    if (!(input instanceof HTMLInputElement)) return
    // Synchronously, so a field this answer shows can take the cursor next.
    flushSync(() => setState(keyingState(definition, form, sheetKey)))
    const complete = input.dataset.complete?.split(' ') ?? []
    if (complete.includes(input.value.trim())) focusNext(form, input)
  }

  const onFocus = (event: FocusEvent<HTMLFormElement>) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'text') event.target.select()
  }

  // NOTE: the previous sheet's state must not reach the next one's first render: a sheet saved
  // as void would leave every item of the new one disabled, and the first could not take focus.
  const current = state?.sheetKey === sheetKey ? state : null
  return { formRef, visible: current?.visible ?? null, voided: current?.voided ?? false, onInput, onFocus }
}

function keyingState(definition: Definition, form: HTMLFormElement, sheetKey: string): KeyingState {
  const values = fieldValues(form)
  const voidKey = readVoidKey(values[VOID_REASON_FIELD] ?? '')
  if (voidKey.ok && voidKey.reason) return { sheetKey, visible: new Set(), voided: true }
  const { answers } = readKeyedAnswers(definition, values)
  const visible = new Set(visibleItems(definition, codedAnswers(answers)).map((item) => item.code))
  return { sheetKey, visible, voided: false }
}

/** Every text field's value, disabled ones included (conditions ignore hidden answers themselves). */
function fieldValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {}
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement && element.name) values[element.name] = element.value
  }
  return values
}

function focusNext(form: HTMLFormElement, current: HTMLElement) {
  const stops = Array.from(
    form.querySelectorAll<HTMLElement>('input:not([type="hidden"]):not(:disabled), button[type="submit"]')
  )
  stops[stops.indexOf(current) + 1]?.focus()
}
