import { describe, expect, test } from 'vitest'
import { allItems } from '../definition'
import { defaultKioskFormItems, kioskFormItems } from '../kiosk-form'
import { sipas2023 } from '../templates/sipas-2023'
import { applyCommand } from './commands'
import { applyForm, field, KIOSK_FORM_FIELD } from './form'

/** The editor form with every item present and the "asked on kiosks" box ticked for `ticked`. */
function editorForm(ticked: readonly string[], renames: Record<string, string> = {}) {
  const values: Record<string, string> = { [KIOSK_FORM_FIELD]: 'shown' }
  sipas2023.sections.forEach((section, s) =>
    section.items.forEach((item, i) => {
      values[field.item(s, i, 'code')] = renames[item.code] ?? item.code
      if (item.required) values[field.item(s, i, 'required')] = 'on'
      if (item.allowDontKnow) values[field.item(s, i, 'allowDontKnow')] = 'on'
      if (ticked.includes(item.code)) values[field.item(s, i, 'kiosk')] = 'on'
    }),
  )
  return values
}

describe('choosing the kiosk form in the editor', () => {
  test('ticking the default items keeps the default form', () => {
    const edited = applyForm(sipas2023, editorForm(defaultKioskFormItems(sipas2023)))
    expect(edited.kioskForm).toBeUndefined()
    expect(kioskFormItems(edited)).toEqual(kioskFormItems(sipas2023))
  })

  test('ticking other items makes them the kiosk form, with the screening item', () => {
    const edited = applyForm(sipas2023, editorForm(['svc.results.general', 'svc.results.on_time']))
    expect(edited.kioskForm).toEqual({ items: ['svc.results.on_time', 'svc.results.general'] })
    expect(kioskFormItems(edited)).toEqual([sipas2023.screening.item, 'svc.results.on_time', 'svc.results.general'])
  })

  test('a form without the boxes leaves the kiosk form alone', () => {
    const chosen = applyForm(sipas2023, editorForm(['svc.results.general']))
    const { [KIOSK_FORM_FIELD]: _marker, ...withoutBoxes } = editorForm([])
    expect(applyForm(chosen, withoutBoxes).kioskForm).toEqual({ items: ['svc.results.general'] })
  })

  test('renaming an item renames it in the kiosk form; removing one removes it', () => {
    const chosen = applyForm(sipas2023, editorForm(['svc.results.general', 'svc.results.on_time']))
    const { [KIOSK_FORM_FIELD]: _marker, ...renamed } = editorForm([], { 'svc.results.on_time': 'svc.results.timely' })
    expect(applyForm(chosen, renamed).kioskForm?.items).toEqual(['svc.results.timely', 'svc.results.general'])
    const section = chosen.sections.findIndex((candidate) => candidate.code === 'svc.results')
    const item = chosen.sections[section]!.items.findIndex((candidate) => candidate.code === 'svc.results.on_time')
    const removed = applyCommand(chosen, { type: 'removeItem', section, item })
    expect(removed.kioskForm?.items).toEqual(['svc.results.general'])
    expect(allItems(removed).some((candidate) => candidate.code === 'svc.results.on_time')).toBe(false)
  })
})
