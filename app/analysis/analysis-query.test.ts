import { expect, test } from 'vitest'
import { parseAnalysisLevel, parseAnalysisSearch } from './analysis-query'

test('the page opens on the default year against the national figure; a period and a comparator may be chosen', () => {
  expect(parseAnalysisSearch(new URLSearchParams(''), 2024).search).toMatchObject({ period: { key: '2024' }, comparator: 'national' })
  expect(parseAnalysisSearch(new URLSearchParams('period=2025-Q2&compare=best'), 2024).search).toMatchObject({
    period: { key: '2025-Q2' },
    comparator: 'best',
  })
})

test('a period or comparator that names nothing is refused with its message key', () => {
  expect(parseAnalysisSearch(new URLSearchParams('period=2025-13'), 2024).error).toBe('errors.badPeriod')
  expect(parseAnalysisSearch(new URLSearchParams('compare=worst'), 2024).error).toBe('errors.badComparator')
  expect(parseAnalysisLevel('agency')).toBe('agency')
  expect(parseAnalysisLevel('ward')).toBeNull()
})
