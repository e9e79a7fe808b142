import i18next from 'i18next'
import { describe, expect, test } from 'vitest'
import en from '../../locales/en/questionnaire.json'
import vi from '../../locales/vi/questionnaire.json'
import type { Definition } from './definition'
import { type Problem, publishProblems } from './publish-rules'
import { proposeShortForm } from './short-form-design'
import { sipas2023 } from './templates/sipas-2023'

const i18n = i18next.createInstance()
await i18n.init({ lng: 'en', resources: { en: { questionnaire: en }, vi: { questionnaire: vi } }, defaultNS: 'questionnaire' })

/** What the editor shows for each problem. */
const messages = (problems: Problem[], lng = 'en') => problems.map((problem) => i18n.t(problem.code, { ...problem.params, lng }))

/** The 2023 template with one change applied. */
function changed(change: (definition: Definition) => void): Definition {
  const definition = structuredClone(sipas2023)
  change(definition)
  return definition
}

/** The publishing problems of the 2023 template with one change applied. */
const problemsAfter = (change: (definition: Definition) => void) => publishProblems(changed(change))

function section(definition: Definition, code: string) {
  const found = definition.sections.find((candidate) => candidate.code === code)
  if (!found) throw new Error(`no section ${code}`)
  return found
}

function item(definition: Definition, code: string) {
  const found = definition.sections.flatMap((candidate) => candidate.items).find((candidate) => candidate.code === code)
  if (!found) throw new Error(`no item ${code}`)
  return found
}

describe('a valid definition', () => {
  test('has no publishing problems', () => {
    expect(publishProblems(sipas2023)).toEqual([])
  })
})

describe('publishing is blocked, with a message a person can act on, when', () => {
  test('a Vietnamese or English text is empty', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'svc.access.seats').text.en = ' '
      item(definition, 'demo.gender').options![1]!.label.vi = ''
    })
    expect(problems.map((problem) => problem.code)).toEqual(['publish.missingVietnamese', 'publish.missingEnglish'])
    expect(messages(problems)).toEqual([
      'The Vietnamese text of “demo.gender = 2” is missing.',
      'The English text of “svc.access.seats” is missing.',
    ])
    expect(messages(problems, 'vi')[1]).toBe('Thiếu nội dung tiếng Anh của “svc.access.seats”.')
  })

  test('two items share a code', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'svc.access.seats').code = 'svc.access.location'
    })
    expect(problems.map((problem) => problem.code)).toContain('publish.duplicateItemCode')
    expect(messages(problems)).toContain('Two items share the code “svc.access.location”. Each item needs its own code.')
  })

  test('an element has no items', () => {
    const problems = problemsAfter((definition) => {
      definition.methodology.elements.push({ code: 'empty', name: { vi: 'Trống', en: 'Empty' }, items: [], index: 'mean' })
    })
    expect(messages(problems)).toEqual(['Element “empty” has no items.'])
  })

  test('the methodology counts an item that does not exist', () => {
    const problems = problemsAfter((definition) => {
      definition.methodology.elements[1]!.items.push('svc.access.parking')
    })
    expect(problems).toEqual([
      { code: 'publish.unknownMethodologyItem', params: { element: 'access', item: 'svc.access.parking' } },
    ])
    expect(messages(problems)).toEqual(['Element “access” counts item “svc.access.parking”, which is not in the questionnaire.'])
  })

  test('a condition points at a later item', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'perc.online_used').showIf = { item: 'perc.online_easy', op: 'equals', value: 5 }
    })
    expect(messages(problems)).toEqual([
      '“perc.online_used” is shown depending on “perc.online_easy”, which is asked later. A condition can only use an earlier answer.',
    ])
  })

  test('a section’s condition points at an item inside that section', () => {
    const problems = problemsAfter((definition) => {
      section(definition, 'needs').showIf = { item: 'needs.priorities', op: 'answered' }
    })
    expect(problems.map((problem) => problem.code)).toEqual(['publish.conditionLaterItem'])
  })

  test('a condition points at a missing item', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'perc.online_easy').showIf = { item: 'perc.portal_used', op: 'equals', value: 1 }
    })
    expect(messages(problems)).toEqual([
      '“perc.online_easy” is shown depending on “perc.portal_used”, which is not in the questionnaire.',
    ])
  })

  test('a condition points at its own item', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'perc.online_easy').showIf = { item: 'perc.online_easy', op: 'answered' }
    })
    expect(messages(problems)).toEqual(['Item “perc.online_easy” is shown depending on its own answer.'])
  })

  test('a condition compares with no value', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'perc.online_easy').showIf = { item: 'perc.online_used', op: 'equals' }
    })
    expect(problems.map((problem) => problem.code)).toEqual(['publish.conditionWithoutValue'])
  })

  test('the screening item is missing', () => {
    const problems = problemsAfter((definition) => {
      definition.screening.item = 'screen.visited'
    })
    expect(messages(problems)).toEqual(['The screening question “screen.visited” is not in the questionnaire.'])
  })

  test('the screening question lets through an answer it does not offer', () => {
    const problems = problemsAfter((definition) => {
      definition.screening.eligible = [3]
    })
    expect(problems.map((problem) => problem.code)).toEqual(['publish.screeningEligibleUnknown'])
  })

  test('a choice item has no options', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'demo.gender').options = []
    })
    expect(messages(problems)).toEqual(['Item “demo.gender” is a choice question but has no options.'])
  })

  test('two options of an item share a value', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'demo.gender').options![2]!.value = 1
    })
    expect(messages(problems)).toEqual(['Item “demo.gender” has two options with the value 1.'])
  })

  test('an element’s "in general" item sits outside the element’s section', () => {
    const problems = problemsAfter((definition) => {
      definition.methodology.elements[1]!.generalItem = 'pol.general'
      definition.methodology.elements[0]!.generalItem = 'svc.access.general'
    })
    expect(problems.map((problem) => problem.code)).toEqual([
      'publish.generalItemOutsideElement',
      'publish.generalItemOutsideElement',
    ])
    expect(messages(problems)[0]).toBe(
      'The “in general” item “svc.access.general” of element “policy” is not in the same section as the element’s items.',
    )
  })

  test('an element indexed by its "in general" item names none', () => {
    const problems = problemsAfter((definition) => {
      delete definition.methodology.elements[2]!.generalItem
    })
    expect(problems.map((problem) => problem.code)).toEqual(['publish.generalItemRequired'])
  })

  test('an item counts towards two elements', () => {
    const problems = problemsAfter((definition) => {
      definition.methodology.elements[2]!.items.push('svc.access.seats')
    })
    expect(problems).toEqual([
      { code: 'publish.itemInTwoElements', params: { item: 'svc.access.seats', element: 'procedures', other: 'access' } },
    ])
  })

  test('an element counts an item that has no rate', () => {
    const problems = problemsAfter((definition) => {
      definition.methodology.elements[0]!.items.push('pol.general', 'comment.suggestions')
    })
    expect(problems).toContainEqual({
      code: 'publish.elementItemWithoutRate',
      params: { element: 'policy', item: 'comment.suggestions' },
    })
  })

  test('an aspect uses an element that does not exist', () => {
    const problems = problemsAfter((definition) => {
      definition.methodology.aspects[1]!.elements.push('digital')
    })
    expect(messages(problems)).toEqual(['Aspect “services” uses element “digital”, which does not exist.'])
  })

  test('the document is not a definition at all', () => {
    const problems = publishProblems({ ...sipas2023, sections: [] })
    expect(messages(problems)).toEqual(['The questionnaire needs at least one section.'])
    expect(publishProblems({ title: 'SIPAS' })[0]?.code).toBe('errors.invalidDefinition')
  })

  test('an item code has capitals or spaces', () => {
    const problems = problemsAfter((definition) => {
      item(definition, 'demo.gender').code = 'Demo Gender'
    })
    expect(messages(problems)).toEqual([
      'A code may contain only lower-case letters, digits, dots, hyphens and underscores, and must start with a letter or digit.',
    ])
  })
})

describe('a short form is refused when', () => {
  /** The 2023 template with the proposed three-block short form, then one change. */
  const shortFormProblemsAfter = (change: (shortForm: NonNullable<Definition['shortForm']>, definition: Definition) => void) =>
    problemsAfter((definition) => {
      definition.shortForm = proposeShortForm(definition, 3)
      change(definition.shortForm, definition)
    })
  const blockOf = (shortForm: NonNullable<Definition['shortForm']>, code: string) => {
    const found = shortForm.blocks.find((block) => block.items.includes(code))
    if (!found) throw new Error(`${code} is in no block`)
    return found
  }

  test('the core lacks the screening question or an element’s “in general” item', () => {
    const problems = shortFormProblemsAfter((shortForm) => {
      shortForm.core = shortForm.core.filter((code) => code !== 'screen.received_result' && code !== 'svc.results.general')
      shortForm.blocks[0]!.items.push('screen.received_result', 'svc.results.general')
    })
    expect(problems).toEqual([
      { code: 'publish.shortFormCoreRequired', params: { item: 'screen.received_result' } },
      { code: 'publish.shortFormCoreRequired', params: { item: 'svc.results.general' } },
    ])
    expect(messages(problems)[1]).toBe(
      'The short form’s core must include “svc.results.general”: every respondent is asked the screening question and each element’s “in general” item.',
    )
    expect(messages(problems, 'vi')[0]).toContain('Phần chung của phiếu rút gọn phải có câu hỏi “screen.received_result”')
  })

  test('a multi-select item is in a block', () => {
    const problems = shortFormProblemsAfter((shortForm) => {
      shortForm.core = shortForm.core.filter((code) => code !== 'needs.priorities')
      shortForm.blocks[1]!.items.push('needs.priorities')
    })
    expect(problems).toEqual([{ code: 'publish.shortFormMultiSelectOutsideCore', params: { item: 'needs.priorities' } }])
    expect(messages(problems)[0]).toBe(
      '“needs.priorities” takes several answers: its shares are over every respondent, so it must be in the core of the short form.',
    )
  })

  test('an item is in no block, in two places, or not in the questionnaire', () => {
    const problems = shortFormProblemsAfter((shortForm) => {
      blockOf(shortForm, 'demo.gender').items = blockOf(shortForm, 'demo.gender').items.filter((code) => code !== 'demo.gender')
      shortForm.blocks[0]!.items.push('svc.access.general', 'svc.access.parking')
    })
    expect(problems.map((found) => [found.code, found.params.item])).toEqual([
      ['publish.shortFormUnknownItem', 'svc.access.parking'],
      ['publish.shortFormItemTwice', 'svc.access.general'],
      ['publish.shortFormItemMissing', 'demo.gender'],
    ])
    expect(messages(problems)[2]).toBe('Item “demo.gender” is in neither the core nor a block of the short form.')
  })

  test('it has one block, an empty block, blocks sharing a code or a title without English', () => {
    expect(
      shortFormProblemsAfter((shortForm) => {
        shortForm.blocks = [{ ...shortForm.blocks[0]!, items: shortForm.blocks.flatMap((block) => block.items) }]
      }),
    ).toEqual([{ code: 'publish.shortFormTooFewBlocks', params: {} }])
    const problems = shortFormProblemsAfter((shortForm) => {
      shortForm.blocks[1]!.items.push(...shortForm.blocks[2]!.items)
      shortForm.blocks[2]!.items = []
      shortForm.blocks[1]!.code = 'b1'
      shortForm.blocks[0]!.title.en = ''
    })
    expect(messages(problems)).toEqual([
      'The English text of “b1” is missing.',
      'Two blocks of the short form share the code “b1”.',
      'Block “b3” of the short form has no items.',
    ])
  })

  test('an item is shown depending on an item the same respondents are not asked', () => {
    const problems = shortFormProblemsAfter((shortForm) => {
      const own = blockOf(shortForm, 'perc.online_easy')
      own.items = own.items.filter((code) => code !== 'perc.online_easy')
      const other = shortForm.blocks.find((block) => block !== own)!
      other.items.push('perc.online_easy')
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]!.code).toBe('publish.shortFormConditionOutside')
    expect(messages(problems)[0]).toMatch(/^“perc.online_easy” in block “b\d” is shown depending on “perc.online_used”, which is neither in that block nor in the core/)
  })

  test('a core item is shown depending on an item outside the core', () => {
    const problems = shortFormProblemsAfter((shortForm) => {
      const own = blockOf(shortForm, 'perc.online_easy')
      own.items = own.items.filter((code) => code !== 'perc.online_easy')
      shortForm.core.push('perc.online_easy')
    })
    expect(problems).toEqual([
      { code: 'publish.shortFormCoreConditionOutside', params: { item: 'perc.online_easy', target: 'perc.online_used' } },
    ])
  })

  test('not when the condition’s item is in the core', () => {
    const problems = shortFormProblemsAfter((shortForm) => {
      const own = blockOf(shortForm, 'perc.online_used')
      own.items = own.items.filter((code) => code !== 'perc.online_used')
      shortForm.core.push('perc.online_used')
    })
    expect(problems).toEqual([])
  })
})
