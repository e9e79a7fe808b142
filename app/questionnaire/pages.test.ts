import { describe, expect, test } from 'vitest'
import { askedDefinition } from './asked-form'
import { findPage, nextPage, PACKED_PAGE_ITEMS, packSections, pageItems, pageProgress, previousPage, surveyPages, visiblePages } from './pages'
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

describe("a short form's packed pages", () => {
  const packing = screenedDefinition('Packing', [
    { code: 'start', title: text('Start'), items: [{ code: 'screen', kind: 'yesNo', text: text('Screen'), options: yesNo }] },
    {
      code: 'a',
      title: text('A'),
      items: [
        { code: 'a.used', kind: 'yesNo', text: text('Used?'), options: yesNo },
        { code: 'a.1', kind: 'agreement5', text: text('A1') },
      ],
    },
    {
      code: 'b',
      title: text('B'),
      items: [
        { code: 'b.easy', kind: 'agreement5', text: text('Easy?'), showIf: { item: 'a.used', op: 'equals', value: 1 } },
        { code: 'b.1', kind: 'agreement5', text: text('B1') },
      ],
    },
    {
      code: 'c',
      title: text('C'),
      items: [1, 2, 3].map((n) => ({ code: `c.${n}`, kind: 'agreement5' as const, text: text(`C${n}`) })),
    },
    {
      code: 'portal',
      title: text('Portal'),
      showIf: { item: 'a.used', op: 'equals', value: 1 },
      items: [{ code: 'portal.1', kind: 'agreement5', text: text('P1') }],
    },
    { code: 'd', title: text('D'), items: [{ code: 'd.1', kind: 'agreement5', text: text('D1') }] },
  ])
  const codes = (pages: ReturnType<typeof packSections>) => pages.map((page) => [page.sections.map((section) => section.code), page.itemCodes])

  test('consecutive sections share a page up to the limit; a section with its own condition keeps its page', () => {
    expect(codes(packSections(packing.sections, 'screen', 5))).toEqual([
      [['a', 'b'], ['a.used', 'a.1', 'b.easy', 'b.1']],
      [['c'], ['c.1', 'c.2', 'c.3']],
      [['portal'], ['portal.1']],
      [['d'], ['d.1']],
    ])
    expect(codes(packSections(packing.sections, 'screen', 8))).toEqual([
      [['a', 'b', 'c'], ['a.used', 'a.1', 'b.easy', 'b.1', 'c.1', 'c.2', 'c.3']],
      [['portal'], ['portal.1']],
      [['d'], ['d.1']],
    ])
  })

  test('a limit of one is one page per section, and a section longer than the limit stays whole', () => {
    expect(codes(packSections(packing.sections, 'screen', 1)).map(([sections]) => sections)).toEqual([['a'], ['b'], ['c'], ['portal'], ['d']])
    expect(codes(packSections(packing.sections, 'screen', 2))[2]).toEqual([['c'], ['c.1', 'c.2', 'c.3']])
  })

  test('only a short form packs; its keys name the sections, one-section pages keep their full-form key', () => {
    expect(keys(surveyPages(packing))).toEqual(['screening', 'section:a', 'section:b', 'section:c', 'section:portal', 'section:d', 'review'])
    const withShortForm = { ...packing, shortForm: { core: ['screen', 'a.used', 'a.1', 'b.easy', 'b.1', 'c.1', 'c.2', 'd.1'], blocks: [{ code: 'x', title: text('X'), items: ['c.3', 'portal.1'] }] } }
    const asked = askedDefinition(withShortForm, 0)
    const pages = surveyPages(asked)
    expect(keys(pages)).toEqual(['screening', 'section:a+b+c', 'section:portal', 'section:d', 'review'])
    expect(new Set(keys(pages)).size).toBe(pages.length)
    expect(findPage(asked, 'section:a+b+c')?.itemCodes).toEqual(['a.used', 'a.1', 'b.easy', 'b.1', 'c.1', 'c.2', 'c.3'])
    expect(PACKED_PAGE_ITEMS).toBeGreaterThanOrEqual(7)
    expect(surveyPages(asked)).toBe(pages)
  })

  test('on a packed page a condition on the same page is live; a section condition still skips its page', () => {
    const withShortForm = { ...packing, shortForm: { core: ['screen', 'a.used', 'a.1', 'b.easy', 'b.1', 'c.1', 'c.2', 'd.1'], blocks: [{ code: 'x', title: text('X'), items: ['c.3', 'portal.1'] }] } }
    const asked = askedDefinition(withShortForm, 0)
    const packed = findPage(asked, 'section:a+b+c')!
    const live = pageItems(asked, packed, answers(eligible)).filter((item) => item.live).map(({ item }) => item.code)
    expect(live).toEqual(['b.easy'])
    expect(keys(visiblePages(asked, answers({ ...eligible, 'a.used': [2] })))).toEqual(['screening', 'section:a+b+c', 'section:d', 'review'])
    expect(nextPage(asked, answers({ ...eligible, 'a.used': [1] }), 'section:a+b+c').key).toBe('section:portal')
    expect(previousPage(asked, answers({ ...eligible, 'a.used': [2] }), 'section:d').key).toBe('section:a+b+c')
  })
})
