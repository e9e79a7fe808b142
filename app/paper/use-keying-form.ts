import { type FocusEvent, type FormEvent, useEffect, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { visibleItems } from '~/questionnaire/conditions'
import type { Definition } from '~/questionnaire/definition'
import { codedAnswers } from '~/responses/answers'
import { readKeyedAnswers } from './sheet-form'

/**
 * What JavaScript adds to the keying form (it works without): items hidden by earlier answers
 * are skipped, the cursor moves on as soon as a whole key is typed, and a field's old content
 * is selected on arrival so typing replaces it. `sheetKey` changes with each new sheet.
 */
export function useKeyingForm(definition: Definition, sheetKey: string) {
  const formRef = useRef<HTMLFormElement>(null)
  // null until hydrated: the server renders every item enabled, as a plain form needs.
  const [visible, setVisible] = useState<ReadonlySet<string> | null>(null)

  useEffect(() => {
    if (formRef.current) setVisible(visibleCodes(definition, formRef.current))
  }, [definition, sheetKey])

  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget
    const input = event.target
    if (!(input instanceof HTMLInputElement)) return
    // Synchronously, so a field this answer shows can take the cursor next.
    flushSync(() => setVisible(visibleCodes(definition, form)))
    const complete = input.dataset.complete?.split(' ') ?? []
    if (complete.includes(input.value.trim())) focusNext(form, input)
  }

  const onFocus = (event: FocusEvent<HTMLFormElement>) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'text') event.target.select()
  }

  return { formRef, visible, onInput, onFocus }
}

function visibleCodes(definition: Definition, form: HTMLFormElement): ReadonlySet<string> {
  const { answers } = readKeyedAnswers(definition, fieldValues(form))
  return new Set(visibleItems(definition, codedAnswers(answers)).map((item) => item.code))
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
  const stops = Array.from(form.querySelectorAll<HTMLElement>('input:not([type="hidden"]):not(:disabled), button[type="submit"]'))
  stops[stops.indexOf(current) + 1]?.focus()
}
