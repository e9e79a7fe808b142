import { describe, expect, test } from 'vitest'
import { type PlannedPoint, parsePlanCsv } from './plan-import'

const POINTS: Record<string, PlannedPoint> = {
  HN01: { id: 'sp-hn01', inCampaign: true, inScope: true },
  HN02: { id: 'sp-hn02', inCampaign: true, inScope: true },
  HN09: { id: 'sp-hn09', inCampaign: false, inScope: true },
  HUE1: { id: 'sp-hue1', inCampaign: true, inScope: false },
}
const parse = (text: string) => parsePlanCsv(text, (code) => POINTS[code] ?? null)

describe('the sampling plan CSV', () => {
  test('reads a file with defaults, a semicolon separator, decimal commas and percentages', () => {
    const { rows, problems } = parse('\uFEFFservice_point_code;population_n;margin_of_error;confidence\r\nHN01;2000;;\r\nHN02;10000;0,03;99\r\n')
    expect(problems).toEqual([])
    expect(rows).toEqual([
      { line: 2, servicePointId: 'sp-hn01', code: 'HN01', populationN: 2000, marginOfError: 0.05, confidence: 0.95 },
      { line: 3, servicePointId: 'sp-hn02', code: 'HN02', populationN: 10000, marginOfError: 0.03, confidence: 0.99 },
    ])
  })

  test('the optional columns may be left out', () => {
    const { rows, problems } = parse('Population N,Service point code\n150,HN01\n')
    expect(problems).toEqual([])
    expect(rows[0]).toMatchObject({ code: 'HN01', populationN: 150, marginOfError: 0.05, confidence: 0.95 })
  })

  test('names every problem by the line it is on, several per line, and keeps no row of a bad file', () => {
    const text = [
      'service_point_code,population_n,margin_of_error,confidence',
      'HN01,2000,0.05,0.95',
      'XX99,100,,',
      'HN09,100,,',
      'HUE1,100,,',
      'HN02,12.5,0.6,0.97',
      '',
      'HN01,300,,',
      'HN02,0,,',
      ',100,,',
      'HN02,100',
    ].join('\n')
    const { problems } = parse(text)
    expect(problems).toEqual([
      { line: 3, key: 'import.errors.unknownServicePoint', values: { code: 'XX99' } },
      { line: 4, key: 'import.errors.notInCampaign', values: { code: 'HN09' } },
      { line: 5, key: 'import.errors.outsideScope', values: { code: 'HUE1' } },
      { line: 6, key: 'import.errors.populationN', values: { value: '12.5', max: 10_000_000 } },
      { line: 6, key: 'import.errors.marginOfError', values: { value: '0.6' } },
      { line: 6, key: 'import.errors.confidence', values: { value: '0.97' } },
      { line: 8, key: 'import.errors.duplicate', values: { code: 'HN01', first: 2 } },
      { line: 9, key: 'import.errors.populationN', values: { value: '0', max: 10_000_000 } },
      { line: 10, key: 'import.errors.codeMissing' },
      { line: 11, key: 'import.errors.fieldCount', values: { found: 2, expected: 4 } },
    ])
  })

  test('a missing required column, an empty file and an open quote are reported once', () => {
    expect(parse('service_point_code,margin_of_error\nHN01,0.05\n').problems).toEqual([
      { line: 1, key: 'import.errors.header', values: { columns: 'population_n' } },
    ])
    expect(parse('').problems).toEqual([{ line: 1, key: 'import.errors.empty' }])
    expect(parse('service_point_code,population_n\n').problems).toEqual([{ line: 1, key: 'import.errors.empty' }])
    expect(parse('service_point_code,population_n\nHN01,100\n"HN02,100\n').problems).toContainEqual({ line: 3, key: 'import.errors.quote' })
  })
})
