import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The 63 provinces until 2025-06-30 and the 34 from 2025-07-01, with their lineage
 * (docs/methodology.md, "Rank change, the 2025 merger and pro-forma baselines").
 */
export type UnitRow = { id: string; code: string; name: string; kind: 'province' | 'city'; validFrom: string | null; validTo: string | null }
export type LineageRow = { predecessorId: string; successorId: string; effectiveOn: string }

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(resolve('prisma/seed-data', file), 'utf8').trim().split('\n')
  const columns = header!.split(',')
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell.trim()])))
}

/** A unit that continues unchanged through the reorganisation is one row; ids never reuse codes. */
export function provinceUnits(): { units: UnitRow[]; lineage: LineageRow[] } {
  const old = readCsv('provinces-63.csv')
  const current = readCsv('provinces-34.csv')
  const units: UnitRow[] = []
  const lineage: LineageRow[] = []
  for (const row of old) {
    const kind = row.kind === 'city' ? 'city' : 'province'
    if (!row.valid_to) units.push({ id: `p-${row.code}`, code: row.code!, name: row.name!, kind, validFrom: null, validTo: null })
    else units.push({ id: `p63-${row.code}`, code: row.code!, name: row.name!, kind, validFrom: null, validTo: row.valid_to })
  }
  for (const row of current) {
    if (!row.valid_from) continue
    const kind = row.kind === 'city' ? 'city' : 'province'
    units.push({ id: `p34-${row.code}`, code: row.code!, name: row.name!, kind, validFrom: row.valid_from, validTo: null })
  }
  for (const row of old) {
    if (!row.valid_to) continue
    const successor = current.find((c) => c.code === row.successor_code)!
    lineage.push({ predecessorId: `p63-${row.code}`, successorId: currentId(successor), effectiveOn: successor.valid_from || row.valid_to })
  }
  return { units, lineage }
}

export function currentId(row: Record<string, string>) {
  return row.valid_from ? `p34-${row.code}` : `p-${row.code}`
}

/** Ids of the 34 units in force today, with the old units each one absorbed (itself when unchanged). */
export function currentProvinces(): { id: string; code: string; name: string; predecessors: string[] }[] {
  const { units, lineage } = provinceUnits()
  return units
    .filter((u) => u.validTo === null)
    .map((u) => {
      const predecessors = lineage.filter((l) => l.successorId === u.id).map((l) => l.predecessorId)
      return { id: u.id, code: u.code, name: u.name, predecessors: predecessors.length ? predecessors : [u.id] }
    })
}
