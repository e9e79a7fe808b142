import { describe, expect, test } from 'vitest'
import type { Definition } from './definition'
import { comparableItems, diffVersions } from './diff'
import { sipas2017 } from './templates/sipas-2017'
import { sipas2023 } from './templates/sipas-2023'

function edited(change: (definition: Definition) => void): Definition {
  const definition = structuredClone(sipas2023)
  change(definition)
  return definition
}

const itemIn = (definition: Definition, code: string) => {
  const item = definition.sections.flatMap((section) => section.items).find((candidate) => candidate.code === code)
  if (!item) throw new Error(`no item ${code}`)
  return item
}

describe('the diff between two versions', () => {
  test('is empty for identical definitions', () => {
    expect(diffVersions(sipas2023, structuredClone(sipas2023))).toEqual({ added: [], removed: [], changed: [] })
  })

  test('lists added and removed items by code', () => {
    const after = edited((definition) => {
      const access = definition.sections.find((section) => section.code === 'svc.access')!
      access.items = access.items.filter((item) => item.code !== 'svc.access.online')
      access.items.unshift({ ...itemIn(definition, 'svc.access.seats'), code: 'svc.access.parking' })
    })
    expect(diffVersions(sipas2023, after)).toMatchObject({ added: ['svc.access.parking'], removed: ['svc.access.online'] })
  })

  test('tells a wording change from a coding change', () => {
    const after = edited((definition) => {
      itemIn(definition, 'svc.access.seats').text.vi = 'Nơi chờ có đủ ghế ngồi'
      itemIn(definition, 'perc.harassment').options!.pop()
      itemIn(definition, 'demo.gender').options![0]!.label.en = 'Man'
      itemIn(definition, 'perc.online_easy').showIf = undefined
    })
    expect(diffVersions(sipas2023, after).changed).toEqual([
      { code: 'demo.gender', changes: ['wording'] },
      { code: 'perc.harassment', changes: ['wording', 'coding'] },
      { code: 'perc.online_easy', changes: ['display'] },
      { code: 'svc.access.seats', changes: ['wording'] },
    ])
  })
})

describe('the comparable items', () => {
  test('keep reworded items and drop recoded ones', () => {
    const after = edited((definition) => {
      itemIn(definition, 'svc.access.seats').text.en = 'Enough chairs while waiting'
      itemIn(definition, 'perc.informal_payment').positive = [1]
      itemIn(definition, 'svc.results.on_time').kind = 'agreement5'
    })
    const comparable = comparableItems(sipas2023, after)
    expect(comparable).toContain('svc.access.seats')
    expect(comparable).not.toContain('perc.informal_payment')
    expect(comparable).not.toContain('svc.results.on_time')
  })

  test('across the 2022 series break are the shared screen and demographics only', () => {
    expect(comparableItems(sipas2017, sipas2023)).toEqual([
      'screen.received_result',
      'demo.applicant_type',
      'demo.procedure_field',
      'demo.gender',
      'demo.age_band',
      'demo.ethnicity',
      'demo.education',
      'demo.occupation',
      'comment.suggestions',
    ])
  })
})
