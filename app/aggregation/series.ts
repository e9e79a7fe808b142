import { type Definition, allItems } from '~/questionnaire/definition'
import type { AnswerCount, RespondentTotals } from './counts'
import { type PairSums, addPair } from './index-variance'
import { type FigureOptions, type UnitFigures, computeUnitFiguresByItem } from './unit-figures'

/**
 * How answers to different questionnaire versions in one period combine (ADR 005):
 *
 * - A **series** is a methodology (`QuestionnaireVersion.methodologyCode`: sipas-2017,
 *   sipas-2023). Figures of different series are never pooled: the 2023 design is a break in the
 *   series, its SIPAS is a different formula over different questions.
 * - Within a series, versions are pooled item by item on the item code (same code = same
 *   question, ADR 004), and the figures follow the methodology and items of the series' newest
 *   version among those answered in the query (latest `publishedAt`). An older version's item
 *   whose code the newest version dropped gets no figure.
 * - A unit answered under two series gets one figure set per series, the one with more
 *   respondents first ("dominant"); pages show the first and may mention the other.
 */

/** One row per unit × item × value, already filtered by period, channel and flags. */
export type ItemCountRow = { unitId: string; itemId: number; value: number; n: number; sumW: number; sumW2: number }

/** One row per unit × pair of index items (item ids, A ≤ B), filtered like the answer counts. */
export type PairCountRow = { unitId: string; itemA: number; itemB: number } & PairSums

/** Respondents per unit × version, split into kept and excluded (flagged) ones, and verified or not. */
export type RespondentRow = {
  unitId: string
  versionId: string
  excluded: boolean
  /** Carrying the verified mark (a rating ticket); says nothing about quality. */
  verified: boolean
  n: number
  sumW: number
  sumW2: number
}

export type VersionInfo = {
  id: string
  methodologyCode: string
  /** ISO timestamp; decides which version of a series is the newest. */
  publishedAt: string
  definition: Definition
}

export type ItemInfo = { id: number; versionId: string; code: string }

export type SeriesFigures = {
  unitId: string
  /** The version whose methodology and items the figures follow (the series' newest). */
  versionId: string
  methodologyCode: string
  figures: UnitFigures
  /** Responses of this unit and series left out by the flags rule. */
  excluded: number
  /** How many of the unit's n (the kept respondents) are verified (response-basis.ts). */
  verified: number
}

export function figuresBySeries(
  answers: readonly ItemCountRow[],
  respondents: readonly RespondentRow[],
  pairs: readonly PairCountRow[],
  versions: ReadonlyMap<string, VersionInfo>,
  items: ReadonlyMap<number, ItemInfo>,
  options: FigureOptions,
): SeriesFigures[] {
  const newest = newestVersionPerSeries(respondents.map((row) => row.versionId), versions)
  // unit → series → cell; nested maps rather than string keys: a full recompute passes here
  // for every answer count of every unit.
  const cells = new Map<string, Map<string, Cell>>()
  const cellOf = (unitId: string, series: string) => {
    let bySeries = cells.get(unitId)
    if (!bySeries) cells.set(unitId, (bySeries = new Map()))
    let cell = bySeries.get(series)
    if (!cell) {
      bySeries.set(series, (cell = { kept: { n: 0, sumW: 0, sumW2: 0 }, excluded: 0, verified: 0, rows: new Map(), pairs: new Map() }))
    }
    return cell
  }

  for (const row of respondents) {
    const cell = cellOf(row.unitId, requireVersion(versions, row.versionId).methodologyCode)
    if (row.excluded) {
      cell.excluded += row.n
    } else {
      cell.kept.n += row.n
      cell.kept.sumW += row.sumW
      cell.kept.sumW2 += row.sumW2
      if (row.verified) cell.verified += row.n
    }
  }
  for (const row of answers) {
    const item = requireItem(items, row.itemId)
    const cell = cellOf(row.unitId, requireVersion(versions, item.versionId).methodologyCode)
    let itemRows = cell.rows.get(item.code)
    if (!itemRows) cell.rows.set(item.code, (itemRows = []))
    // Versions of a series pool on the item code: add into the row with the same value, if any.
    const sum = itemRows.find((known) => known.value === row.value)
    if (sum) {
      sum.n += row.n
      sum.sumW += row.sumW
      sum.sumW2 += row.sumW2
    } else {
      itemRows.push({ unitKey: row.unitId, itemCode: item.code, value: row.value, n: row.n, sumW: row.sumW, sumW2: row.sumW2 })
    }
  }

  for (const row of pairs) {
    const [a, b] = [requireItem(items, row.itemA), requireItem(items, row.itemB)]
    // Both items of a pair come from one response, hence one version and one series.
    const cell = cellOf(row.unitId, requireVersion(versions, a.versionId).methodologyCode)
    addPair(cell.pairs, a.code, b.code, row)
  }

  const itemsOf = new Map([...newest.values()].map((version) => [version.id, allItems(version.definition)]))
  const result: SeriesFigures[] = []
  for (const [unitId, bySeries] of cells) {
    for (const [series, cell] of bySeries) {
      const version = newest.get(series)
      // Answers without respondents can't happen with consistent rollups; skip rather than invent n.
      if (!version) continue
      result.push({
        unitId,
        versionId: version.id,
        methodologyCode: series,
        figures: computeUnitFiguresByItem(
          version.definition.methodology,
          itemsOf.get(version.id)!,
          cell.rows,
          cell.kept,
          options,
          cell.pairs,
        ),
        excluded: cell.excluded,
        verified: cell.verified,
      })
    }
  }
  return result.sort(
    (a, b) =>
      compare(a.unitId, b.unitId) ||
      b.figures.n - a.figures.n ||
      compare(a.methodologyCode, b.methodologyCode),
  )
}

/** One unit in one series: its respondents and its answer counts by item code. */
type Cell = {
  kept: RespondentTotals
  excluded: number
  verified: number
  rows: Map<string, AnswerCount[]>
  /** Pair sums by item code, versions of the series pooled like the answer counts. */
  pairs: Map<string, Map<string, PairSums>>
}

/** The dominant series: the one with the most kept respondents over all the rows given. */
export function dominantSeries(rows: readonly Pick<SeriesFigures, 'methodologyCode' | 'figures'>[]): string | null {
  const totals = new Map<string, number>()
  for (const row of rows) totals.set(row.methodologyCode, (totals.get(row.methodologyCode) ?? 0) + row.figures.n)
  let best: string | null = null
  for (const [series, n] of totals) {
    if (best === null || n > totals.get(best)! || (n === totals.get(best)! && series < best)) best = series
  }
  return best
}

function newestVersionPerSeries(
  versionIds: readonly string[],
  versions: ReadonlyMap<string, VersionInfo>,
): Map<string, VersionInfo> {
  const newest = new Map<string, VersionInfo>()
  for (const id of new Set(versionIds)) {
    const version = requireVersion(versions, id)
    const known = newest.get(version.methodologyCode)
    if (!known || version.publishedAt > known.publishedAt || (version.publishedAt === known.publishedAt && version.id > known.id)) {
      newest.set(version.methodologyCode, version)
    }
  }
  return newest
}

function requireItem(items: ReadonlyMap<number, ItemInfo>, id: number): ItemInfo {
  const item = items.get(id)
  if (!item) throw new Error(`Answer counts name item ${id}, which was not loaded`)
  return item
}

function requireVersion(versions: ReadonlyMap<string, VersionInfo>, id: string): VersionInfo {
  const version = versions.get(id)
  if (!version) throw new Error(`Counts name questionnaire version ${id}, which was not loaded`)
  return version
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
