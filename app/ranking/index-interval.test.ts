import { expect, test } from 'vitest'
import { unitIndex } from '~/aggregation/indices'
import type { Methodology } from '~/questionnaire/definition'
import { elementIntervals, indexInterval } from './index-interval'

const methodology: Methodology = {
  elements: [
    { code: 'policy', name: { vi: 'Chính sách', en: 'Policy' }, items: [], generalItem: 'pol.general', index: 'general' },
    { code: 'access', name: { vi: 'Tiếp cận', en: 'Access' }, items: ['svc.a1', 'svc.a2'], index: 'mean' },
  ],
  aspects: [
    { code: 'policy', name: { vi: 'Chính sách', en: 'Policy' }, elements: ['policy'] },
    { code: 'services', name: { vi: 'Dịch vụ', en: 'Services' }, elements: ['access'] },
  ],
  unitIndex: 'meanOfAspects',
}

const items = {
  'pol.general': { low: 80, high: 88 },
  'svc.a1': { low: 85, high: 91 },
  'svc.a2': { low: 75, high: 85 },
}

test('the interval is the index computed on the lower and on the upper bounds', () => {
  // policy 80..88; access (85 + 75) / 2 = 80 .. (91 + 85) / 2 = 88; SIPAS the mean of both.
  expect(indexInterval(methodology, items)).toEqual({ low: 80, high: 88 })
  expect(elementIntervals(methodology, items)).toEqual({ policy: { low: 80, high: 88 }, access: { low: 80, high: 88 } })
})

test('it contains the index itself', () => {
  const rates = { policy: 84, access: (88 + 80) / 2 }
  const sipas = unitIndex(methodology, rates)!
  const interval = indexInterval(methodology, items)!
  expect(interval.low).toBeLessThanOrEqual(sipas)
  expect(interval.high).toBeGreaterThanOrEqual(sipas)
})

test('a missing element leaves the index, and so its interval, undefined', () => {
  expect(indexInterval(methodology, { 'svc.a1': { low: 85, high: 91 } })).toBeNull()
  expect(elementIntervals(methodology, { 'svc.a1': { low: 85, high: 91 } })).toEqual({ policy: null, access: { low: 85, high: 91 } })
})
