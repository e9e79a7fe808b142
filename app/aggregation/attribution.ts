/**
 * Which province a response counts for. Responses keep the province they were submitted under
 * (a 2024 answer stays with Hải Dương); asked "as of" a later date, a province that was merged
 * since counts for its successor, so 2024 answers re-aggregate into a pro-forma 2024 baseline
 * for the 34 provinces (docs/methodology.md).
 */
export type LineageEdge = { predecessorId: string; successorId: string; effectiveOn: string }

/**
 * For every unit reorganised on or before `asOf`, the unit it belongs to on `asOf`, following
 * chains (a merger of a merged unit). A unit absent from the map stays itself.
 * Splits can't be attributed by counts (a predecessor's answers would have to be divided by where
 * each respondent lives), so a unit with two successors in force on `asOf` throws.
 */
export function successorsAsOf(edges: readonly LineageEdge[], asOf: string): Map<string, string> {
  const next = new Map<string, string>()
  for (const edge of edges) {
    if (edge.effectiveOn > asOf || edge.predecessorId === edge.successorId) continue
    const known = next.get(edge.predecessorId)
    if (known !== undefined && known !== edge.successorId) {
      throw new Error(
        `Unit ${edge.predecessorId} was split (into ${known} and ${edge.successorId}); its answers can't be attributed`,
      )
    }
    next.set(edge.predecessorId, edge.successorId)
  }
  const final = new Map<string, string>()
  for (const start of next.keys()) {
    let unit = start
    const seen = new Set<string>([unit])
    for (let successor = next.get(unit); successor !== undefined; successor = next.get(unit)) {
      if (seen.has(successor)) throw new Error(`Unit lineage loops through ${successor}`)
      seen.add(successor)
      unit = successor
    }
    final.set(start, unit)
  }
  return final
}

/** The unit a stored id counts for. */
export function attributeUnit(successors: ReadonlyMap<string, string>, unitId: string): string {
  return successors.get(unitId) ?? unitId
}

/** The stored ids whose responses count for `unitIds` (the units themselves and their predecessors). */
export function storedIdsFor(successors: ReadonlyMap<string, string>, unitIds: readonly string[]): string[] {
  const wanted = new Set(unitIds)
  const ids = new Set(unitIds)
  for (const [predecessor, successor] of successors) if (wanted.has(successor)) ids.add(predecessor)
  return [...ids]
}
