import { describe, expect, test } from 'vitest'
import { nextPage, pageItems, pageProgress, previousPage, surveyPages, visiblePages } from './pages'
import { sipas2023 } from './templates/sipas-2023'
import { screenedDefinition, text, yesNo } from '../../test/fixtures/definition-parts'

// The screening item shares its section with another item; the portal section depends on an
// answer two pages earlier; "easy?" depends on an answer on its own page.
const definition = screenedDefinition('Pages', [
  {
    code: 'start',
    title: text('Start'),
    items: [
      { code: 'screen', kind: 'yesNo', text: text('Screen'), options: yesNo },
      { code: 'start.age', kind: 'number', text: text('Age') },
    ],
  },
  {
    code: 'online',
    title: text('Online'),
    items: [
      { code: 'online.used', kind: 'yesNo', text: text('Used the portal?'), options: yesNo },
      { code: 'online.easy', kind: 'agreement5', text: text('Easy?'), showIf: { item: 'online.used', op: 'equals', value: 1 } },
    ],
  },
  {
    code: 'portal',
    title: text('Portal details'),
    showIf: { item: 'online.used', op: 'equals', value: 1 },
    items: [{ code: 'portal.problem', kind: 'text', text: text('What went wrong?'), required: false }],
  },
  { code: 'end', title: text('End'), items: [{ code: 'end.comment', kind: 'text', text: text('Comment'), required: false }] },
])

const answers = (entries: Record<string, number[]>) => new Map(Object.entries(entries))
const keys = (pages: { key: string }[]) => pages.map((page) => page.key)
const eligible = { screen: [1] }

describe('survey pages', () => {
  test('the screening question comes alone first, then one page per section, then the review', () => {
    expect(surveyPages(definition).map((page) => [page.key, page.itemCodes])).toEqual([
      ['screening', ['screen']],
      ['section:start', ['start.age']],
      ['section:online', ['online.used', 'online.easy']],
      ['section:portal', ['portal.problem']],
      ['section:end', ['end.comment']],
      ['review', []],
    ])
  })

  test('SIPAS 2023 has twelve pages: screening, its ten sections, review', () => {
    const pages = surveyPages(sipas2023)
    expect(pages).toHaveLength(12)
    expect(pages[1]).toMatchObject({ kind: 'section', key: 'section:demo' })
    expect(keys(visiblePages(sipas2023, answers({ 'screen.received_result': [1] })))).toEqual(keys(pages))
  })

  test('until the respondent is eligible only the screening and review pages are shown', () => {
    expect(keys(visiblePages(definition, answers({})))).toEqual(['screening', 'review'])
    expect(keys(visiblePages(definition, answers({ screen: [2] })))).toEqual(['screening', 'review'])
  })

  test('a section whose condition does not hold is skipped', () => {
    expect(keys(visiblePages(definition, answers({ ...eligible, 'online.used': [2] })))).not.toContain('section:portal')
    expect(keys(visiblePages(definition, answers({ ...eligible, 'online.used': [1] })))).toContain('section:portal')
  })

  test('an item waiting on an answer from its own page is on the page, marked live', () => {
    const online = surveyPages(definition)[2]!
    const unanswered = pageItems(definition, online, answers(eligible))
    expect(unanswered.map(({ item, live }) => [item.code, live])).toEqual([
      ['online.used', false],
      ['online.easy', true],
    ])
    expect(pageItems(definition, online, answers({ ...eligible, 'online.used': [2] })).map(({ item }) => item.code)).toEqual([
      'online.used',
      'online.easy',
    ])
  })

  test('next and back follow the answers, skipping hidden sections', () => {
    const noPortal = answers({ ...eligible, 'online.used': [2] })
    expect(nextPage(definition, noPortal, 'section:online').key).toBe('section:end')
    expect(previousPage(definition, noPortal, 'section:end').key).toBe('section:online')
    expect(nextPage(definition, noPortal, 'section:end').key).toBe('review')
    expect(previousPage(definition, noPortal, 'screening').key).toBe('screening')
    // A page hidden by a changed answer still has a place in the order.
    expect(nextPage(definition, noPortal, 'section:portal').key).toBe('section:end')
  })

  test('progress counts the pages shown, assuming an eligible answer before the screening', () => {
    expect(pageProgress(definition, answers({}), 'screening')).toEqual({ current: 1, total: 5 })
    expect(pageProgress(definition, answers({ ...eligible, 'online.used': [1] }), 'section:portal')).toEqual({ current: 4, total: 6 })
    expect(pageProgress(definition, answers({ ...eligible, 'online.used': [1] }), 'review')).toEqual({ current: 6, total: 6 })
  })
})
