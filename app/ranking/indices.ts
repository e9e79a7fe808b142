/**
 * The indices a unit can be ranked on. SIPAS is computed from our own surveys; the others are
 * published by other bodies and imported as one score per unit and year (docs/methodology.md,
 * "Ranks and ties").
 */
export const INDICES = ['SIPAS', 'PAR_INDEX', 'PAPI', 'PCI', 'DDCI'] as const
export type IndexCode = (typeof INDICES)[number]

const EXTERNAL_INDICES = ['PAR_INDEX', 'PAPI', 'PCI', 'DDCI'] as const
export type ExternalIndex = (typeof EXTERNAL_INDICES)[number]

export function isExternalIndex(value: unknown): value is ExternalIndex {
  return typeof value === 'string' && (EXTERNAL_INDICES as readonly string[]).includes(value)
}

/**
 * The scale each index is published on. SIPAS, PAR INDEX, PCI and DDCI are out of 100; PAPI
 * sums eight dimensions scored 1–10, so its total lies between 8 and 80 (0 is kept as the
 * floor so a partial import is not refused for that alone).
 */
export const SCORE_RANGE: Record<IndexCode, { min: number; max: number }> = {
  SIPAS: { min: 0, max: 100 },
  PAR_INDEX: { min: 0, max: 100 },
  PAPI: { min: 0, max: 80 },
  PCI: { min: 0, max: 100 },
  DDCI: { min: 0, max: 100 },
}

/** How a score is printed: SIPAS and PAR INDEX are percentages, the others points. */
export const SCORE_UNIT: Record<IndexCode, 'percent' | 'points'> = {
  SIPAS: 'percent',
  PAR_INDEX: 'percent',
  PAPI: 'points',
  PCI: 'points',
  DDCI: 'points',
}

/**
 * Who is ranked together: provinces nationally; departments, communes/wards and service points
 * inside one province; ministries separately.
 */
export const PEER_GROUPS = ['provinces', 'departments', 'communes', 'servicePoints', 'ministries'] as const
export type PeerGroup = (typeof PEER_GROUPS)[number]

/** Peer groups that live inside one province and need it chosen. */
export function isInnerPeerGroup(peerGroup: PeerGroup): boolean {
  return peerGroup === 'departments' || peerGroup === 'communes' || peerGroup === 'servicePoints'
}

/**
 * Imported indices score provinces (PAR INDEX, PAPI, PCI, DDCI) and ministries (PAR INDEX);
 * nobody publishes them for a department or a desk, so those peer groups rank on SIPAS only.
 */
export function indexAppliesTo(index: IndexCode, peerGroup: PeerGroup): boolean {
  if (index === 'SIPAS') return true
  if (peerGroup === 'provinces') return true
  return peerGroup === 'ministries' && index === 'PAR_INDEX'
}
