import type { ImportProblem } from './external-import-format'
import type { ExternalIndex, PeerGroup } from './indices'

/*
 * Published ranks of imported indices. Publishers rank on more precision than they print (PAR
 * INDEX 2024 ranks Cần Thơ 22nd and Bình Dương 23rd, both printed 89.13), so a rank column is
 * the only way to show their table as published. A rank must still follow the printed scores:
 * rounding keeps order, so a unit printed with a higher score has a higher unrounded score and
 * must hold a better (smaller) rank. Equal printed scores may hold any ranks.
 */

/** The peer groups imported indices score. */
export type ScoredPeerGroup = Extract<PeerGroup, 'provinces' | 'ministries'>

/** A score already in the database. */
export type StoredScore = { unitCode: string; year: number; index: ExternalIndex; score: number; rank: number | null }

type FileScore = StoredScore & { line: number }

/**
 * Checks the ranks of each index, year and peer group over the file's rows together with the
 * stored scores the file does not replace, since the ranking page shows them side by side:
 * - ranks are given for every unit of the group or for none (the page shows published ranks
 *   only when every unit has one);
 * - a unit with a higher score than another holds a better rank.
 * Problems are reported on the file's lines only; stored scores were checked when imported.
 */
export function checkPublishedRanks(
  rows: readonly FileScore[],
  stored: readonly StoredScore[],
  peerGroupOf: (code: string, year: number) => ScoredPeerGroup | null,
): ImportProblem[] {
  const groups = new Map<string, { file: FileScore[]; stored: StoredScore[] }>()
  const groupOf = (score: StoredScore) => {
    const key = JSON.stringify([score.index, score.year, peerGroupOf(score.unitCode, score.year)])
    let group = groups.get(key)
    if (!group) groups.set(key, (group = { file: [], stored: [] }))
    return group
  }
  for (const row of rows) groupOf(row).file.push(row)
  for (const score of stored) {
    const group = groups.get(JSON.stringify([score.index, score.year, peerGroupOf(score.unitCode, score.year)]))
    if (group && !group.file.some((row) => row.unitCode === score.unitCode)) group.stored.push(score)
  }
  return [...groups.values()].flatMap((group) => checkGroup(group.file, group.stored))
}

function checkGroup(file: readonly FileScore[], stored: readonly StoredScore[]): ImportProblem[] {
  const problems: ImportProblem[] = []
  if (![...file, ...stored].some((score) => score.rank !== null)) return problems

  const [first] = file
  const unrankedStored = stored.filter((score) => score.rank === null).length
  for (const row of file) {
    if (row.rank === null) {
      problems.push({ line: row.line, key: 'import.errors.rankMissing', values: { index: row.index, year: row.year } })
    }
  }
  if (first && unrankedStored > 0 && file.some((row) => row.rank !== null)) {
    problems.push({
      line: first.line,
      key: 'import.errors.rankStoredMissing',
      values: { index: first.index, year: first.year, count: unrankedStored },
    })
  }

  const others: { score: StoredScore; line: number | null }[] = [
    ...file.map((row) => ({ score: row, line: row.line })),
    ...stored.map((score) => ({ score, line: null })),
  ].filter((other) => other.score.rank !== null)
  for (const row of file) {
    if (row.rank === null) continue
    // Between two lines of the file, the one with the lower score is reported.
    const conflict = others.find(
      (other) => other.score !== row && contradicts(row, other.score) && (other.line === null || other.score.score > row.score),
    )
    if (!conflict) continue
    const values = { rank: row.rank, score: row.score, otherRank: conflict.score.rank!, otherScore: conflict.score.score }
    problems.push(
      conflict.line === null
        ? { line: row.line, key: 'import.errors.rankOrderStored', values: { ...values, code: conflict.score.unitCode } }
        : { line: row.line, key: 'import.errors.rankOrder', values: { ...values, other: conflict.line } },
    )
  }
  return problems
}

/** One has the higher score but not the better rank. */
function contradicts(a: StoredScore, b: StoredScore): boolean {
  return (a.score > b.score && a.rank! >= b.rank!) || (b.score > a.score && b.rank! >= a.rank!)
}
