import { expect, test } from 'vitest'
import { nationalFigures } from './national'
import type { UnitFigures } from './unit-figures'

function province(
  sipas: number | null,
  policy: number | null,
  services: number | null,
  access: number | null,
): UnitFigures {
  const rate = { low: null, high: null, n: 0, nEffective: 0, positive: 0, suppressed: false }
  return {
    n: 580,
    suppressed: false,
    items: { 'access.general': { ...rate, rate: access } },
    shares: {},
    elements: { access },
    aspects: { policy, services },
    sipas,
    intervals: { sipas: null, elements: { access: null } },
  }
}

test('each province counts once in the national figures, whatever its size', () => {
  const national = nationalFigures([province(90, 88, 92, 91), province(80, 82, 78, 77)])
  expect(national).toEqual({
    provinces: 2,
    sipas: 85,
    aspects: { policy: 85, services: 85 },
    elements: { access: 84 },
    items: { 'access.general': 84 },
  })
})

test('the national SIPAS differs from the SIPAS of the national aspects when provinces lack a figure', () => {
  // The second province has a policy figure but no SIPAS: it enters the policy mean only.
  const national = nationalFigures([province(90, 80, 100, 95), province(null, 60, null, null)])
  expect(national.sipas).toBe(90)
  expect(national.aspects).toEqual({ policy: 70, services: 100 })
  expect(national.provinces).toBe(1)
  expect(national.elements.access).toBe(95)
})

test('no provinces give no national figures', () => {
  expect(nationalFigures([])).toEqual({ provinces: 0, sipas: null, aspects: {}, elements: {}, items: {} })
})
