/**
 * Unit lineage across a reorganisation (63 → 34 provinces on 1 July 2025, and commune mergers):
 * one link per predecessor → successor, including a unit that continues under its own key.
 */
export type LineageLink = { predecessor: string; successor: string }

/**
 * Successors that are not simply their own predecessor: merged (several predecessors) or
 * re-keyed. A unit absent from the lineage, or linked only to itself, continues unchanged.
 */
export function reorganisedUnits(lineage: readonly LineageLink[]): Set<string> {
  const predecessors = new Map<string, Set<string>>()
  for (const { predecessor, successor } of lineage) {
    predecessors.set(successor, (predecessors.get(successor) ?? new Set()).add(predecessor))
  }
  const reorganised = new Set<string>()
  for (const [successor, from] of predecessors) {
    if (from.size !== 1 || !from.has(successor)) reorganised.add(successor)
  }
  return reorganised
}

/** A count row as aggregation produces it; answer rows also carry item and value. */
export type CountRow = {
  unitKey: string
  itemCode?: string
  value?: number
  n: number
  sumW: number
  sumW2: number
}

/**
 * The pro-forma baseline: a previous period's count rows re-keyed to today's units, with the
 * rows of merged predecessors summed into their successor. Scoring and ranking these as usual
 * gives previous ranks comparable with today's, to be labelled 'pro-forma'.
 *
 * Works for answer counts (unit × item × value) and respondent totals (unit) alike. Counts can
 * be summed because every figure is a ratio of sums; a split can't be expressed this way (a
 * predecessor's answers would have to be divided by where each respondent lives), so it throws.
 */
export function proFormaBaseline<R extends CountRow>(
  lineage: readonly LineageLink[],
  rows: readonly R[],
): R[] {
  const successorOf = successorMap(lineage)
  const merged = new Map<string, R>()
  for (const row of rows) {
    const unitKey = successorOf.get(row.unitKey) ?? row.unitKey
    const cell = JSON.stringify([unitKey, row.itemCode, row.value])
    const sum = merged.get(cell)
    merged.set(
      cell,
      sum
        ? { ...sum, n: sum.n + row.n, sumW: sum.sumW + row.sumW, sumW2: sum.sumW2 + row.sumW2 }
        : { ...row, unitKey },
    )
  }
  return [...merged.values()]
}

function successorMap(lineage: readonly LineageLink[]): Map<string, string> {
  const successorOf = new Map<string, string>()
  for (const { predecessor, successor } of lineage) {
    const known = successorOf.get(predecessor)
    if (known !== undefined && known !== successor) {
      throw new Error(
        `Unit ${predecessor} was split (into ${known} and ${successor}); counts can't be re-aggregated`,
      )
    }
    successorOf.set(predecessor, successor)
  }
  return successorOf
}
