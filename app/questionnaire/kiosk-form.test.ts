import { describe, expect, test } from 'vitest'
import { DefinitionSchema, type Definition } from './definition'
import { defaultKioskFormItems, kioskFormItems } from './kiosk-form'
import { definitionProblems } from './publish-rules'
import { sipas2017 } from './templates/sipas-2017'
import { sipas2023 } from './templates/sipas-2023'

const withKioskForm = (definition: Definition, items: string[]): Definition =>
  DefinitionSchema.parse({ ...definition, kioskForm: { items } })

describe('the kiosk form', () => {
  test('by default a kiosk asks the screening item, each element in general, and the comment', () => {
    const items = kioskFormItems(sipas2023)
    expect(items[0]).toBe(sipas2023.screening.item)
    for (const element of sipas2023.methodology.elements) expect(items).toContain(element.generalItem)
    expect(items).toContain('comment.suggestions')
    expect(items).toHaveLength(1 + sipas2023.methodology.elements.length + 1)
  })

  test('the default form of both official designs passes the publishing rules', () => {
    for (const definition of [sipas2017, sipas2023]) {
      expect(definitionProblems(withKioskForm(definition, defaultKioskFormItems(definition)))).toEqual([])
    }
  })

  test('a chosen form is asked in questionnaire order, with the screening item added', () => {
    const form = withKioskForm(sipas2023, ['comment.suggestions', 'svc.results.general'])
    expect(kioskFormItems(form)).toEqual([sipas2023.screening.item, 'svc.results.general', 'comment.suggestions'])
  })

  test('the default form asks the items its conditions look at', () => {
    const definition = DefinitionSchema.parse({
      ...sipas2023,
      methodology: {
        ...sipas2023.methodology,
        elements: [{ ...sipas2023.methodology.elements[0]!, generalItem: 'perc.online_easy' }],
      },
    })
    expect(defaultKioskFormItems(definition)).toContain('perc.online_used')
  })

  test('a chosen form may not name unknown items or leave out what a condition looks at', () => {
    const problems = definitionProblems(withKioskForm(sipas2023, ['no.such.item', 'perc.online_easy']))
    expect(problems).toEqual([
      { code: 'publish.kioskFormUnknownItem', params: { item: 'no.such.item' } },
      { code: 'publish.kioskFormConditionOutside', params: { item: 'perc.online_easy', target: 'perc.online_used' } },
    ])
  })
})
