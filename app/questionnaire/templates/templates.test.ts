import { describe, expect, test } from 'vitest'
import { DefinitionSchema, allItems } from '../definition'
import { publishProblems } from '../publish-rules'
import { TEMPLATES } from '.'
import { sipas2017 } from './sipas-2017'
import { sipas2023 } from './sipas-2023'

describe.each(Object.entries(TEMPLATES))('the %s template', (_code, template) => {
  test('parses with the definition schema', () => {
    expect(DefinitionSchema.parse(template)).toEqual(template)
  })

  test('passes every publishing rule', () => {
    expect(publishProblems(template)).toEqual([])
  })

  test('starts by screening for people who received their result here', () => {
    expect(template.screening).toMatchObject({ item: 'screen.received_result', eligible: [1] })
    expect(allItems(template)[0]?.code).toBe('screen.received_result')
  })

  test('uses lower-case dotted item codes', () => {
    for (const item of allItems(template)) expect(item.code).toMatch(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/)
  })

  test('ends with one optional free-text suggestion', () => {
    const texts = allItems(template).filter((item) => item.kind === 'text')
    expect(texts.map((item) => [item.code, item.required])).toEqual([['comment.suggestions', false]])
  })
})

describe('SIPAS 2017', () => {
  test('has 22 agreement criteria split 4 + 5 + 6 + 3 + 4 over five elements', () => {
    const { elements } = sipas2017.methodology
    expect(elements.map((element) => element.items.length)).toEqual([4, 5, 6, 3, 4])
    const criteria = elements.flatMap((element) => element.items)
    const kinds = new Map(allItems(sipas2017).map((item) => [item.code, item.kind]))
    expect(criteria.map((code) => kinds.get(code))).toEqual(Array(22).fill('agreement5'))
  })

  test('asks satisfaction once per element and averages the elements', () => {
    for (const element of sipas2017.methodology.elements) {
      expect(element).toMatchObject({ index: 'mean', generalItem: `${element.code}.satisfaction` })
    }
    expect(sipas2017.methodology.unitIndex).toBe('meanOfElements')
  })
})

describe('SIPAS 2023', () => {
  test('indexes the policy element and five service elements by their general items', () => {
    const { elements, aspects, unitIndex } = sipas2023.methodology
    expect(elements.map((element) => [element.code, element.index, element.generalItem])).toEqual([
      ['policy', 'general', 'pol.general'],
      ['access', 'general', 'svc.access.general'],
      ['procedures', 'general', 'svc.procedures.general'],
      ['civil_servants', 'general', 'svc.civil_servants.general'],
      ['results', 'general', 'svc.results.general'],
      ['feedback', 'general', 'svc.feedback.general'],
    ])
    expect(aspects.map((aspect) => [aspect.code, aspect.elements])).toEqual([
      ['policy', ['policy']],
      ['services', ['access', 'procedures', 'civil_servants', 'results', 'feedback']],
    ])
    expect(unitIndex).toBe('meanOfAspects')
  })

  test('gives each service element three to five content items', () => {
    for (const element of sipas2023.methodology.elements.slice(1)) {
      expect(element.items.length).toBeGreaterThanOrEqual(3)
      expect(element.items.length).toBeLessThanOrEqual(5)
    }
  })

  test('counts "no harassment" and "no informal payment" as the positive answers', () => {
    const items = new Map(allItems(sipas2023).map((item) => [item.code, item]))
    expect(items.get('perc.harassment')).toMatchObject({ kind: 'categorical', positive: [1] })
    expect(items.get('perc.informal_payment')).toMatchObject({ kind: 'yesNo', positive: [2] })
  })

  test('lets people say a feedback item does not apply to them', () => {
    const feedback = allItems(sipas2023).filter((item) => item.code.startsWith('svc.feedback.'))
    expect(feedback.every((item) => item.allowNotApplicable)).toBe(true)
  })
})
