import { describe, expect, test } from 'vitest'
import { publishProblems } from '../publish-rules'
import { proposeShortForm } from '../short-form-design'
import { sipas2023 } from '../templates/sipas-2023'
import { applyCommand, parseCommand } from './commands'
import { applyForm, field, SHORT_FORM_FIELD, SHORT_FORM_PLACE, shortFormField } from './form'

const withShortForm = () => ({ ...structuredClone(sipas2023), shortForm: proposeShortForm(sipas2023, 3) })

/** Where an item is: its section and position. */
function position(code: string) {
  const s = sipas2023.sections.findIndex((section) => section.items.some((item) => item.code === code))
  return { s, i: sipas2023.sections[s]!.items.findIndex((item) => item.code === code) }
}

const place = (code: string, value: string) => {
  const { s, i } = position(code)
  return { [field.item(s, i, SHORT_FORM_PLACE)]: value }
}

describe('the short form commands', () => {
  test('propose a split with the number of blocks typed beside the button', () => {
    const command = parseCommand('proposeShortForm', undefined, '4')
    expect(command).toEqual({ type: 'proposeShortForm', blocks: 4 })
    const proposed = applyCommand(sipas2023, command!)
    expect(proposed.shortForm).toEqual(proposeShortForm(sipas2023, 4))
    expect(publishProblems(proposed)).toEqual([])
  })

  test('refuse a number of blocks outside 2 to 10, or not a whole number', () => {
    for (const typed of ['1', '11', '2.5', '', 'ba']) expect(parseCommand('proposeShortForm', undefined, typed)).toBeNull()
  })

  test('remove the short form', () => {
    const cleared = applyCommand(withShortForm(), parseCommand('clearShortForm')!)
    expect(cleared.shortForm).toBeUndefined()
  })

  test('a removed item leaves the short form', () => {
    const { s, i } = position('svc.results.on_time')
    const removed = applyCommand(withShortForm(), { type: 'removeItem', section: s, item: i })
    const places = [...removed.shortForm!.core, ...removed.shortForm!.blocks.flatMap((block) => block.items)]
    expect(places).not.toContain('svc.results.on_time')
    expect(publishProblems(removed)).toEqual([])
  })
})

describe('the short form fields', () => {
  test('move an item from its block to the core, or to another block, in questionnaire order', () => {
    const definition = withShortForm()
    const from = definition.shortForm.blocks.findIndex((block) => block.items.includes('demo.gender'))
    const to = (from + 1) % 3
    const edited = applyForm(definition, {
      [SHORT_FORM_FIELD]: 'shown',
      ...place('demo.gender', String(to + 1)),
      ...place('demo.age_band', 'core'),
    })
    const { core, blocks } = edited.shortForm!
    expect(blocks[from]!.items).not.toContain('demo.gender')
    expect(blocks[to]!.items).toContain('demo.gender')
    expect(core).toEqual([sipas2023.screening.item, 'demo.age_band', ...core.slice(2)])
    expect(blocks.flatMap((block) => block.items)).not.toContain('demo.age_band')
    expect(publishProblems(edited)).toEqual([])
  })

  test('rename and retitle the blocks', () => {
    const edited = applyForm(withShortForm(), {
      [SHORT_FORM_FIELD]: 'shown',
      [shortFormField(0, 'code')]: ' morning ',
      [shortFormField(0, 'title', 'vi')]: 'Khối buổi sáng',
      [shortFormField(0, 'title', 'en')]: '',
    })
    expect(edited.shortForm!.blocks[0]).toMatchObject({ code: 'morning', title: { vi: 'Khối buổi sáng', en: '' } })
    expect(publishProblems(edited)).toEqual([{ code: 'publish.missingEnglish', params: { location: 'morning' } }])
  })

  test('ignore a place naming no block, and leave the short form alone when the form does not show it', () => {
    const definition = withShortForm()
    expect(applyForm(definition, { [SHORT_FORM_FIELD]: 'shown', ...place('demo.gender', '9') }).shortForm).toEqual(
      definition.shortForm,
    )
    expect(applyForm(definition, place('demo.gender', 'core')).shortForm).toEqual(definition.shortForm)
  })

  test('follow an item renamed in the same post', () => {
    const { s, i } = position('demo.gender')
    const edited = applyForm(withShortForm(), {
      [SHORT_FORM_FIELD]: 'shown',
      [field.item(s, i, 'code')]: 'demo.sex',
      ...place('demo.gender', 'core'),
    })
    expect(edited.shortForm!.core).toContain('demo.sex')
    expect(publishProblems(edited)).toEqual([])
  })
})
