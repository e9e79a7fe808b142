import { nationalIndex } from './indices'
import type { UnitFigures } from './unit-figures'

/**
 * National figures are computed province-first (docs/methodology.md): every province's figure
 * is computed on its own answers, then the provinces are averaged without weights, so a populous province
 * counts as much as a small one. This is why the published 2024 SIPAS (83.94) is not the mean
 * of the published national policy and services figures (83.84, 84.09).
 */
export type NationalFigures = {
  /** Provinces with a SIPAS, i.e. those in the national mean. */
  provinces: number
  sipas: number | null
  aspects: Record<string, number | null>
  elements: Record<string, number | null>
  /** Mean of the provinces' item rates. */
  items: Record<string, number | null>
}

export function nationalFigures(provinces: readonly UnitFigures[]): NationalFigures {
  const sipas = provinces.map((province) => province.sipas)
  return {
    provinces: sipas.filter((value) => value !== null).length,
    sipas: nationalIndex(sipas),
    aspects: meanPerCode(provinces.map((province) => province.aspects)),
    elements: meanPerCode(provinces.map((province) => province.elements)),
    items: meanPerCode(
      provinces.map((province) =>
        Object.fromEntries(Object.entries(province.items).map(([code, item]) => [code, item.rate])),
      ),
    ),
  }
}

function meanPerCode(records: readonly Record<string, number | null>[]): Record<string, number | null> {
  const codes = new Set(records.flatMap((record) => Object.keys(record)))
  return Object.fromEntries(
    [...codes].map((code) => [code, nationalIndex(records.map((record) => record[code]))]),
  )
}
