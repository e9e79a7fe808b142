import { describe, expect, test } from 'vitest'
import { type ScoredPeerGroup, type StoredScore, checkPublishedRanks } from './published-ranks'

// Provinces of 2024 by code; 'bnv' is a ministry, ranked apart.
const peerGroupOf = (code: string): ScoredPeerGroup | null => (code === 'bnv' ? 'ministries' : /^\d\d$/.test(code) ? 'provinces' : null)
let nextLine = 2
const row = (unitCode: string, score: number, rank: number | null, index: StoredScore['index'] = 'PAR_INDEX') => ({
  line: nextLine++,
  unitCode,
  year: 2024,
  index,
  score,
  rank,
})
const stored = (unitCode: string, score: number, rank: number | null): StoredScore => ({ unitCode, year: 2024, index: 'PAR_INDEX', score, rank })
const check = (rows: ReturnType<typeof row>[], storedScores: StoredScore[] = []) => checkPublishedRanks(rows, storedScores, peerGroupOf)

describe('checkPublishedRanks', () => {
  test('accepts ranks that follow the scores, including two ranks for one printed score', () => {
    // PAR INDEX 2024: Cần Thơ 22nd and Bình Dương 23rd, both printed 89.13.
    expect(check([row('92', 89.13, 22), row('74', 89.13, 23), row('31', 96.17, 1), row('19', 91.47, 5)])).toEqual([])
  })

  test('accepts a shared rank for an equal score', () => {
    expect(check([row('01', 90, 1), row('02', 90, 1), row('04', 80, 3)])).toEqual([])
  })

  test('refuses a better score with a worse rank, on the line of the lower score', () => {
    const [high, low] = [row('31', 96.17, 2), row('77', 93.35, 1)]
    expect(check([high, low])).toEqual([
      {
        line: low.line,
        key: 'import.errors.rankOrder',
        values: { rank: 1, score: 93.35, other: high.line, otherRank: 2, otherScore: 96.17 },
      },
    ])
  })

  test('refuses a better score with the same rank', () => {
    const [high, low] = [row('31', 96.17, 1), row('77', 93.35, 1)]
    expect(check([high, low]).map((problem) => [problem.line, problem.key])).toEqual([[low.line, 'import.errors.rankOrder']])
  })

  test('numbers each peer group, index and year on its own', () => {
    expect(
      check([row('31', 96.17, 1), row('bnv', 80, 1), row('77', 93.35, 2), row('31', 50, 1, 'PCI'), { ...row('77', 99, 1), year: 2023 }]),
    ).toEqual([])
  })

  test('wants a rank for every unit of a group once one unit has one', () => {
    const missing = row('77', 93.35, null)
    expect(check([row('31', 96.17, 1), missing, row('bnv', 70, null)])).toEqual([
      { line: missing.line, key: 'import.errors.rankMissing', values: { index: 'PAR_INDEX', year: 2024 } },
    ])
  })

  test('checks the ranks against the stored scores the file does not replace', () => {
    const low = row('77', 93.35, 1)
    expect(check([low], [stored('31', 96.17, 2)])).toEqual([
      {
        line: low.line,
        key: 'import.errors.rankOrderStored',
        values: { rank: 1, score: 93.35, code: '31', otherRank: 2, otherScore: 96.17 },
      },
    ])
    const high = row('31', 96.17, 3)
    expect(check([high], [stored('77', 93.35, 2)]).map((problem) => [problem.line, problem.key])).toEqual([
      [high.line, 'import.errors.rankOrderStored'],
    ])
    // A corrected line replaces the stored score of its unit.
    expect(check([row('31', 90, 2), row('77', 93.35, 1)], [stored('31', 96.17, 1)])).toEqual([])
  })

  test('refuses ranks that would leave stored scores of the group without one', () => {
    const first = row('31', 96.17, 1)
    expect(check([first, row('77', 93.35, 2)], [stored('19', 91.47, null), stored('22', 80, null)])).toEqual([
      { line: first.line, key: 'import.errors.rankStoredMissing', values: { index: 'PAR_INDEX', year: 2024, count: 2 } },
    ])
  })

  test('refuses a score without a rank where the stored scores of the group have ranks', () => {
    const bare = row('19', 91.47, null)
    expect(check([bare], [stored('31', 96.17, 1)]).map((problem) => [problem.line, problem.key])).toEqual([
      [bare.line, 'import.errors.rankMissing'],
    ])
  })

  test('has nothing to say when no rank is given or stored', () => {
    expect(check([row('31', 96.17, null), row('77', 99, null)], [stored('19', 91.47, null)])).toEqual([])
  })
})
