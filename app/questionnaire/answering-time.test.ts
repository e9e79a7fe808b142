import { describe, expect, test } from 'vitest'
import { DEMO_SHORT_FORM_BLOCKS } from '../../prisma/seed/short-form'
import { askedDefinition } from './asked-form'
import {
  answeringMinutes,
  answeringSeconds,
  formLength,
  OFFICIAL_FULL_FORM_SECONDS,
  SECONDS_PER_ANSWER,
  SECONDS_PER_SCREEN,
} from './answering-time'
import { proposeShortForm } from './short-form-design'
import { sipas2017 } from './templates/sipas-2017'
import { sipas2023 } from './templates/sipas-2023'

describe('the answering time model', () => {
  test('is linear in answers and screens', () => {
    expect(answeringSeconds({ answers: 0, screens: 0 })).toBe(0)
    expect(answeringSeconds({ answers: 1, screens: 0 })).toBe(SECONDS_PER_ANSWER)
    expect(answeringSeconds({ answers: 0, screens: 1 })).toBe(SECONDS_PER_SCREEN)
    expect(answeringSeconds({ answers: 15, screens: 4 })).toBe(180)
  })

  test('gives the full official 2023 form its announced 10 minutes: 51 answers over 12 screens', () => {
    const length = formLength(sipas2023)
    expect(length).toEqual({ answers: 51, screens: 12 })
    expect(answeringSeconds(length)).toBe(OFFICIAL_FULL_FORM_SECONDS)
    expect(answeringMinutes(length)).toBe(10)
  })

  test('rounds minutes to the nearest half minute', () => {
    expect(answeringMinutes({ answers: 15, screens: 4 })).toBe(3)
    expect(answeringMinutes({ answers: 19, screens: 11 })).toBe(4.5)
    expect(answeringMinutes({ answers: 16, screens: 4 })).toBe(3)
    expect(answeringMinutes({ answers: 17, screens: 4 })).toBe(3.5)
  })

  test("the demo's split gives every 2023 and 2017 short form 2 to 3 minutes, with its pages packed", () => {
    for (const [name, version] of [['2023', sipas2023], ['2017', sipas2017]] as const) {
      const shortForm = proposeShortForm(version, DEMO_SHORT_FORM_BLOCKS)
      const withShortForm = { ...version, shortForm }
      const full = answeringSeconds(formLength(version))
      shortForm.blocks.forEach((_, block) => {
        const length = formLength(askedDefinition(withShortForm, block))
        const seconds = answeringSeconds(length)
        expect(seconds, `${name} block ${block + 1}: ${length.answers} answers, ${length.screens} screens`).toBeGreaterThanOrEqual(120)
        expect(seconds).toBeLessThanOrEqual(180)
        expect(seconds).toBeLessThan(full / 2)
      })
    }
  })

  test('2023 with seven blocks: 15 answers over 4 screens (screening, two packed pages, review) in each form', () => {
    const withShortForm = { ...sipas2023, shortForm: proposeShortForm(sipas2023, 7) }
    for (let block = 0; block < 7; block++) {
      expect(formLength(askedDefinition(withShortForm, block))).toEqual({ answers: 15, screens: 4 })
    }
  })
})
