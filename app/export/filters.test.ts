import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { AggregatedFiltersSchema, MicrodataFiltersSchema, readFilters } from './filters'

const params = (values: Record<string, string>) => new URLSearchParams(values)

describe('aggregated filters', () => {
  test('read from a query string: the period made canonical, SIPAS by default, empty selects left out', () => {
    const read = readFilters(AggregatedFiltersSchema, params({ period: ' 2025-q2 ', level: 'agency', peerGroup: '', channel: '', provinceId: 'p1' }))
    expect(read).toEqual({
      filters: { period: '2025-Q2', level: 'agency', index: 'SIPAS', provinceId: 'p1' },
      fieldErrors: null,
    })
  })

  test('what they give back reads again to the same filters (an export job stores them)', () => {
    const filters = AggregatedFiltersSchema.parse({ period: '2025-01-15..2025-02-10', level: 'servicePoint', index: 'PCI', channel: 'kiosk' })
    expect(AggregatedFiltersSchema.parse(JSON.parse(JSON.stringify(filters)))).toEqual(filters)
  })

  test('a refused field gets its message key, one per field', () => {
    const form = new FormData()
    form.set('period', '2025-13')
    form.set('level', 'district')
    form.set('index', 'GDP')
    form.set('channel', 'fax')
    expect(readFilters(AggregatedFiltersSchema, form)).toEqual({
      filters: null,
      fieldErrors: {
        period: { key: 'exports:filters.errors.period' },
        level: { key: 'exports:filters.errors.level' },
        index: { key: 'exports:filters.errors.index' },
        channel: { key: 'exports:filters.errors.channel' },
      },
    })
    expect(readFilters(AggregatedFiltersSchema, params({ level: 'national' })).fieldErrors).toEqual({
      period: { key: 'exports:filters.errors.periodRequired' },
    })
  })
})

describe('microdata filters', () => {
  test('comments are left out unless the box is ticked', () => {
    expect(readFilters(MicrodataFiltersSchema, params({ period: '2025' })).filters).toEqual({ period: '2025', includeComments: false })
    expect(readFilters(MicrodataFiltersSchema, params({ period: '2025', includeComments: 'on', versionId: 'v1' })).filters).toEqual({
      period: '2025',
      versionId: 'v1',
      includeComments: true,
    })
    expect(MicrodataFiltersSchema.parse({ period: '2025', includeComments: true }).includeComments).toBe(true)
    expect(readFilters(MicrodataFiltersSchema, params({ period: '2025', includeComments: 'maybe' })).fieldErrors).toEqual({
      includeComments: { key: 'exports:filters.errors.includeComments' },
    })
  })
})

test('every message key of the filters exists in both languages', () => {
  const source = readFileSync(join(import.meta.dirname, 'filters.ts'), 'utf8')
  const keys = [...new Set([...source.matchAll(/'exports:(filters\.errors\.[a-zA-Z]+)'/g)].map((m) => m[1]!))]
  expect(keys.length).toBeGreaterThan(8)
  for (const language of ['vi', 'en']) {
    const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', language, 'exports.json'), 'utf8'))
    const missing = keys.filter((key) => typeof key.split('.').reduce((node, part) => node?.[part], messages) !== 'string')
    expect(missing, language).toEqual([])
  }
})
