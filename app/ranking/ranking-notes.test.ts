import { describe, expect, test } from 'vitest'
import { rankingNotes } from './ranking-notes'
import type { RankingRow, RankingTable } from './ranking-table'

const row = (unitId: string, score: number | null, rank: number | null, extra: Partial<RankingRow> = {}): RankingRow => ({
  unitId,
  code: unitId,
  name: unitId,
  nameEn: unitId,
  score,
  n: null,
  verified: null,
  low: null,
  high: null,
  margin: null,
  rank,
  change: null,
  group: null,
  tiedWithAbove: false,
  status: score === null ? 'noData' : 'ranked',
  ...extra,
})

const table = (rows: RankingRow[], extra: Partial<RankingTable> = {}): RankingTable => ({
  year: 2024,
  index: 'PAR_INDEX',
  peerGroup: 'provinces',
  provinceId: null,
  rows,
  publishedRanks: false,
  responses: 'all',
  baseline: null,
  outOf: rows.filter((r) => r.rank !== null).length,
  previousOutOf: null,
  reorganisation: false,
  thresholds: [],
  minN: null,
  summary: { count: 0, unscored: 0, mean: null, min: null, max: null, perGroup: {}, cutoffs: [] },
  ...extra,
})

const keys = (ranking: RankingTable) => rankingNotes(ranking).map((note) => note.key)

describe('rankingNotes', () => {
  test('explains two ranks for one shown score when ranks were computed on unrounded scores', () => {
    const ranking = table([row('92', 89.13, 22), row('74', 89.13, 23)])
    expect(keys(ranking)).toEqual(['notes.noPrevious', 'notes.unrounded'])
  })

  test('says nothing about rounding when equal shown scores share their rank or all scores differ', () => {
    expect(keys(table([row('a', 89.13, 1), row('b', 89.13, 1), row('c', 80, 3)]))).toEqual(['notes.noPrevious'])
    expect(keys(table([row('a', 90, 1), row('b', 89.13, 2), row('c', null, null)]))).toEqual(['notes.noPrevious'])
  })

  test('says when the ranks are the publisher\'s own', () => {
    const ranking = table([row('92', 89.13, 22), row('74', 89.13, 23)], { publishedRanks: true })
    expect(keys(ranking)).toEqual(['notes.noPrevious', 'notes.publishedRanks'])
  })

  test('names the baseline, ties, the minimum n and the interval of a SIPAS table', () => {
    const ranking = table([row('a', 91.1, 1), row('b', 90.23, 2, { tiedWithAbove: true })], {
      index: 'SIPAS',
      baseline: 'pro-forma',
      previousOutOf: 34,
      reorganisation: true,
      minN: 30,
    })
    expect(rankingNotes(ranking)).toEqual([
      { key: 'notes.proForma', values: { year: 2023, outOf: 34 } },
      { key: 'notes.ties' },
      { key: 'notes.minN', values: { minN: 30 } },
      { key: 'notes.interval' },
      { key: 'notes.allResponses' },
    ])
  })

  test('without a baseline, a reorganisation or nothing to compare with is said so', () => {
    expect(rankingNotes(table([], { reorganisation: true }))[0]).toEqual({ key: 'notes.reorganised', values: { year: 2023 } })
    expect(rankingNotes(table([], { baseline: 'previous', previousOutOf: 63 }))[0]).toEqual({
      key: 'notes.previous',
      values: { year: 2023, outOf: 63 },
    })
  })
})
