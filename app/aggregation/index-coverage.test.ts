import { describe, expect, test } from 'vitest'
import type { Methodology } from '~/questionnaire/definition'
import { type IndexItem, type PairSums, addPair, indexIntervals } from './index-variance'
import { elementIndex, unitIndex } from './indices'
import { wilsonInterval } from './wilson'

/*
 * Coverage of the linearised interval by simulation (docs/methodology.md, "95 % intervals"): a
 * known population whose items are correlated through each person's general mood, many samples
 * of respondents drawn from it, and the share of intervals that contain the population's own
 * index. Also the same with a short form (a core item and one of two blocks per respondent),
 * and the width against the construction it replaced (the index of the items' Wilson lower
 * bounds and of their upper bounds). Deterministic: a seeded generator.
 */

const name = { vi: '', en: '' }
/** The 2023 shape: aspects, a "general" element and a "mean" one. */
const methodology: Methodology = {
  elements: [
    { code: 'pol', name, index: 'general', items: [], generalItem: 'pol.g' },
    { code: 'acc', name, index: 'mean', items: ['acc.1', 'acc.2', 'acc.3'] },
    { code: 'res', name, index: 'general', items: [], generalItem: 'res.g' },
  ],
  aspects: [
    { code: 'policy', name, elements: ['pol'] },
    { code: 'services', name, elements: ['acc', 'res'] },
  ],
  unitIndex: 'meanOfAspects',
}
const ITEMS = ['pol.g', 'acc.1', 'acc.2', 'acc.3', 'res.g']
/** The short form: every respondent answers the core and one block. */
const CORE = ['pol.g']
const BLOCKS = [['acc.1', 'acc.2', 'acc.3'], ['res.g']]

const POPULATION = 20_000
const SAMPLE = 255
const SIMULATIONS = 2_000
/**
 * Coverage is a share of SIMULATIONS independent trials: its standard error at 95 % is
 * √(0.95·0.05/2000) ≈ 0.49 points, so ±1.5 points is about 3 standard errors.
 */
const TOLERANCE = 0.015
/** Two thousand samples take a few seconds alone, far longer on a machine shared with other tests. */
const SIMULATION_TIMEOUT_MS = 180_000

function mulberry32(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Person = Record<string, 0 | 1>

/** People whose answers share a mood: items correlate about 0.3–0.5, as satisfaction items do. */
function population(random: () => number): Person[] {
  return Array.from({ length: POPULATION }, () => {
    const mood = random()
    return Object.fromEntries(ITEMS.map((code, j) => [code, random() < 0.35 + 0.55 * mood - 0.04 * j ? 1 : 0])) as Person
  })
}

function indexOf(rates: Record<string, number | null>): number {
  const elements = Object.fromEntries(methodology.elements.map((element) => [element.code, elementIndex(element, rates)]))
  return unitIndex(methodology, elements)!
}

/** What the rollups would hold for a sample, each respondent answering `asked(i)`. */
function summarise(sample: readonly Person[], asked: (i: number) => readonly string[]) {
  const pairs = new Map<string, Map<string, PairSums>>()
  const tallies: Record<string, { n: number; positive: number }> = {}
  sample.forEach((person, i) => {
    const codes = [...asked(i)].sort()
    for (const code of codes) {
      tallies[code] ??= { n: 0, positive: 0 }
      tallies[code].n += 1
      tallies[code].positive += person[code]!
    }
    for (const [j, a] of codes.entries()) {
      for (const b of codes.slice(j)) {
        const [ya, yb] = [person[a]!, person[b]!]
        addPair(pairs, a, b, { n: 1, nA: ya, nB: yb, nAB: ya * yb, sumW2: 1, sumW2A: ya, sumW2B: yb, sumW2AB: ya * yb })
      }
    }
  })
  const items: Record<string, IndexItem> = Object.fromEntries(
    Object.entries(tallies).map(([code, tally]) => [code, { rate: (100 * tally.positive) / tally.n, sumW: tally.n }]),
  )
  return { items, pairs, tallies }
}

function simulate(seed: number, shortForm: boolean) {
  const random = mulberry32(seed)
  const people = population(random)
  const truth = indexOf(
    Object.fromEntries(ITEMS.map((code) => [code, (100 * people.reduce((sum, p) => sum + p[code]!, 0)) / people.length])),
  )
  let covered = 0
  let width = 0
  let oldWidth = 0
  let estimates = 0
  for (let s = 0; s < SIMULATIONS; s++) {
    // Independent draws (with replacement), the design the variance assumes.
    const sample = Array.from({ length: SAMPLE }, () => people[Math.floor(random() * people.length)]!)
    const blocks = sample.map(() => Math.floor(random() * BLOCKS.length))
    const asked = (i: number) => (shortForm ? [...CORE, ...BLOCKS[blocks[i]!]!] : ITEMS)
    const { items, pairs, tallies } = summarise(sample, asked)
    const interval = indexIntervals(methodology, items, pairs, SAMPLE, false).sipas!
    if (interval.low <= truth && truth <= interval.high) covered++
    width += interval.high - interval.low
    estimates += indexOf(Object.fromEntries(Object.entries(items).map(([code, item]) => [code, item.rate])))
    const bounds = Object.entries(tallies).map(([code, tally]) => [code, wilsonInterval(tally.positive, tally.n)!] as const)
    const old = {
      low: indexOf(Object.fromEntries(bounds.map(([code, b]) => [code, b.low]))),
      high: indexOf(Object.fromEntries(bounds.map(([code, b]) => [code, b.high]))),
    }
    oldWidth += old.high - old.low
  }
  return { truth, coverage: covered / SIMULATIONS, width: width / SIMULATIONS, oldWidth: oldWidth / SIMULATIONS, mean: estimates / SIMULATIONS }
}

describe('the linearised interval of the unit index, by simulation', () => {
  test.each([
    { form: 'full form', shortForm: false, seed: 20_261_207 },
    { form: 'short form (core + one of two blocks)', shortForm: true, seed: 20_261_208 },
  ])('$form: about 95 % of the intervals contain the true index, and they are narrower than the old ones', ({ form, shortForm, seed }) => {
    const result = simulate(seed, shortForm)
    console.log(
      `${form}: true SIPAS ${result.truth.toFixed(2)}, mean estimate ${result.mean.toFixed(2)}, coverage ` +
        `${(100 * result.coverage).toFixed(1)} % of ${SIMULATIONS} samples of ${SAMPLE}; mean width ` +
        `${result.width.toFixed(2)} points against ${result.oldWidth.toFixed(2)} for the items' bounds through ` +
        `the formula (${(result.oldWidth / result.width).toFixed(2)}×)`,
    )
    expect(Math.abs(result.coverage - 0.95)).toBeLessThan(TOLERANCE)
    expect(result.oldWidth).toBeGreaterThan(result.width)
  }, SIMULATION_TIMEOUT_MS)
})
