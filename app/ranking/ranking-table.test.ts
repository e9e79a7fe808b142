import { expect, test } from 'vitest'
import { RankingTableSchema } from './ranking-table'

test('a snapshot frozen before published ranks could be imported reads as computed ranks', () => {
  const frozen = {
    year: 2024,
    index: 'PAR_INDEX',
    peerGroup: 'provinces',
    provinceId: null,
    rows: [],
    baseline: null,
    outOf: 0,
    previousOutOf: null,
    reorganisation: false,
    thresholds: [],
    minN: null,
    summary: { count: 0, unscored: 0, mean: null, min: null, max: null, perGroup: {}, cutoffs: [] },
  }
  expect(RankingTableSchema.parse(frozen).publishedRanks).toBe(false)
  expect(RankingTableSchema.parse({ ...frozen, publishedRanks: true }).publishedRanks).toBe(true)
})
