import { describe, expect, test } from 'vitest'
import { createRandom, type Random } from '../../prisma/seed/random'
import { isVisible } from '~/questionnaire/conditions'
import { type Definition, DONT_KNOW, type Item, NOT_APPLICABLE, SCALE_KINDS, allItems } from '~/questionnaire/definition'
import { askedItemCodes, formBlockFor } from '~/questionnaire/short-form'
import { proposeShortForm } from '~/questionnaire/short-form-design'
import { sipas2017 } from '~/questionnaire/templates/sipas-2017'
import { sipas2023 } from '~/questionnaire/templates/sipas-2023'
import type { AnswerCount } from './counts'
import { type UnitFigures, computeUnitFigures } from './unit-figures'

/*
 * Planned missing items leave the estimates unbiased (docs/methodology.md, "Short forms"): a
 * known population whose answers are correlated through one latent satisfaction per person, many
 * samples of it asked the full form and many asked the short form (core + the block
 * formBlockFor draws from a random response id), every figure computed by the figure functions
 * the platform publishes with (computeUnitFigures: item rates with Wilson intervals, element,
 * aspect and unit indices). The population's own figures, everyone asked everything, are the
 * true values. Printed: the mean of each kind of estimate with its standard error, and how often
 * the items' 95 % Wilson intervals contain the true rate.
 */

const POPULATION = 10_000
const SAMPLE = 400
const REPLICATES = 500
const BLOCKS = 4

type Person = Map<string, number[]>

/** One person's answers to every item: scale and choice answers driven by the person's latent satisfaction. */
function person(random: Random, definition: Definition, itemShifts: ReadonlyMap<string, number>): Person {
  const latent = random.normal()
  const answers: Person = new Map()
  for (const item of allItems(definition)) {
    if (!isVisible(item, answers)) continue
    const value = answerOf(random, item, latent, itemShifts.get(item.code) ?? 0)
    if (value !== null) answers.set(item.code, [value])
  }
  return answers
}

function answerOf(random: Random, item: Item, latent: number, shift: number): number | null {
  if (item.allowNotApplicable && random.next() < 0.3) return NOT_APPLICABLE
  if (item.allowDontKnow && random.next() < 0.05) return DONT_KNOW
  const z = 0.9 * latent + 0.6 * random.normal() + shift
  if (SCALE_KINDS.includes(item.kind)) return z < -1.4 ? 1 : z < -0.6 ? 2 : z < 0 ? 3 : z < 1 ? 4 : 5
  if (item.kind === 'yesNo') return z > -0.3 ? 1 : 2
  if (item.kind === 'singleChoice' || item.kind === 'categorical') {
    // The first option is the "good" one of the categorical items (none, good…).
    const count = item.options?.length ?? 1
    return Math.min(count, 1 + Math.floor(Math.max(0, 0.8 - z) * count * 0.4))
  }
  // Multi-select, text and number items have no rate, and the short form asks them of everyone.
  return null
}

/** The figures of a group of respondents, each asked `asked(index)` (null: every item). */
function figures(definition: Definition, people: readonly Person[], asked: (index: number) => ReadonlySet<string> | null): UnitFigures {
  const counts = new Map<string, Map<number, number>>()
  people.forEach((answers, index) => {
    const codes = asked(index)
    for (const [code, values] of answers) {
      if (codes && !codes.has(code)) continue
      let byValue = counts.get(code)
      if (!byValue) counts.set(code, (byValue = new Map()))
      for (const value of values) byValue.set(value, (byValue.get(value) ?? 0) + 1)
    }
  })
  const rows: AnswerCount[] = [...counts].flatMap(([itemCode, byValue]) =>
    [...byValue].map(([value, n]) => ({ unitKey: 'u', itemCode, value, n, sumW: n, sumW2: n })),
  )
  const respondents = { n: people.length, sumW: people.length, sumW2: people.length }
  return computeUnitFigures(definition.methodology, allItems(definition), rows, respondents, { useWeights: false, minN: 0 })
}

/** n of `population`, drawn without replacement (a partial Fisher–Yates shuffle of `order`, reused). */
function sample<T>(random: Random, population: readonly T[], order: number[], n: number): T[] {
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random.next() * (order.length - i))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order.slice(0, n).map((index) => population[index]!)
}

type Summary = { mean: number; se: number; sd: number }
function summary(values: readonly number[]): Summary {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)
  return { mean, sd: Math.sqrt(variance), se: Math.sqrt(variance / values.length) }
}

const fixed = (value: number, digits = 2) => value.toFixed(digits)

function push(lists: Map<string, number[]>, key: string, value: number) {
  const list = lists.get(key)
  if (list) list.push(value)
  else lists.set(key, [value])
}

describe.each([
  ['SIPAS 2023 (element = its “in general” item, unit = mean of aspects)', sipas2023, 2023],
  ['SIPAS 2017 (element = mean of its criteria, unit = mean of elements)', sipas2017, 2017],
])('short-form estimates of %s', (name, template, seed) => {
  test('are unbiased, and the items’ Wilson intervals cover the true rate about 95 % of the time', () => {
    const definition: Definition = { ...template, shortForm: proposeShortForm(template, BLOCKS) }
    const shortForm = definition.shortForm!
    const random = createRandom(seed)
    const shifts = new Map(allItems(definition).map((item) => [item.code, 0.2 + 0.9 * random.next()]))
    const population = Array.from({ length: POPULATION }, () => person(random, definition, shifts))
    const truth = figures(definition, population, () => null)

    const blockItems = new Set(shortForm.blocks.flatMap((block) => block.items).filter((code) => truth.items[code]?.rate != null))
    const indices = [
      ['SIPAS', (figure: UnitFigures) => figure.sipas],
      ...definition.methodology.elements.map((element) => [`element ${element.code}`, (figure: UnitFigures) => figure.elements[element.code]] as const),
    ] as const
    const estimates = { full: new Map<string, number[]>(), short: new Map<string, number[]>() }
    const covered = { full: 0, short: 0 }
    const intervals = { full: 0, short: 0 }
    const itemN = { full: [] as number[], short: [] as number[] }
    const record = (form: 'full' | 'short', figure: UnitFigures) => {
      for (const [label, read] of indices) {
        const value = read(figure)
        if (value == null) throw new Error(`${label} has no ${form}-form figure`)
        push(estimates[form], label, value)
      }
      for (const code of blockItems) {
        const item = figure.items[code]!
        const rate = item.rate
        push(estimates[form], code, rate ?? Number.NaN)
        itemN[form].push(item.n)
        if (item.low === null || item.high === null) continue
        intervals[form] += 1
        if (item.low <= truth.items[code]!.rate! && truth.items[code]!.rate! <= item.high) covered[form] += 1
      }
    }
    const order = population.map((_, index) => index)
    const askedByBlock = shortForm.blocks.map((_, block) => askedItemCodes(shortForm, block))
    for (let replicate = 0; replicate < REPLICATES; replicate++) {
      record('full', figures(definition, sample(random, population, order, SAMPLE), () => null))
      const blocks = Array.from({ length: SAMPLE }, () => formBlockFor(random.uuid(), BLOCKS))
      record('short', figures(definition, sample(random, population, order, SAMPLE), (index) => askedByBlock[blocks[index]!]!))
    }

    const lines = [`${name}: ${REPLICATES} samples of ${SAMPLE} from ${POPULATION} people, short form of ${BLOCKS} blocks`]
    lines.push('figure | true | full form: mean (SE) | short form: mean (SE) | short − true in SE | SD short/full')
    const check: [string, Summary, number][] = []
    for (const [label] of indices) {
      const true_ = (indices.find(([candidate]) => candidate === label)![1] as (figure: UnitFigures) => number | null)(truth)!
      const full = summary(estimates.full.get(label)!)
      const short = summary(estimates.short.get(label)!)
      lines.push(
        `${label} | ${fixed(true_)} | ${fixed(full.mean)} (${fixed(full.se, 3)}) | ${fixed(short.mean)} (${fixed(short.se, 3)}) | ${fixed((short.mean - true_) / short.se)} | ${fixed(short.sd / full.sd)}`,
      )
      check.push([label, short, true_], [`${label} (full form)`, full, true_])
    }
    let itemsWithin2 = 0
    for (const code of blockItems) {
      const values = estimates.short.get(code)!.filter((value) => !Number.isNaN(value))
      expect(values.length).toBe(REPLICATES)
      const short = summary(values)
      const true_ = truth.items[code]!.rate!
      check.push([code, short, true_])
      if (Math.abs(short.mean - true_) <= 2 * short.se) itemsWithin2 += 1
    }
    const coverage = { full: covered.full / intervals.full, short: covered.short / intervals.short }
    const meanN = { full: summary(itemN.full).mean, short: summary(itemN.short).mean }
    lines.push(
      `block items (${blockItems.size}): mean valid n ${fixed(meanN.full, 1)} full, ${fixed(meanN.short, 1)} short; ` +
        `short-form mean within 2 SE of the true rate for ${itemsWithin2} of ${blockItems.size}`,
    )
    lines.push(
      `Wilson 95 % coverage of the block items' true rates: full form ${fixed(coverage.full * 100)} % (${intervals.full} intervals), ` +
        `short form ${fixed(coverage.short * 100)} % (${intervals.short} intervals)`,
    )
    console.log(lines.join('\n'))

    // Every estimate's mean is the true value within 4 standard errors (a fixed seed: this is
    // a check of the method, not a flaky test), and the intervals keep their 95 %.
    for (const [label, estimate, true_] of check) {
      expect(Math.abs(estimate.mean - true_), label).toBeLessThan(4 * estimate.se)
    }
    expect(itemsWithin2 / blockItems.size).toBeGreaterThan(0.8)
    expect(coverage.short).toBeGreaterThan(0.935)
    expect(coverage.short).toBeLessThan(0.965)
    expect(coverage.full).toBeGreaterThan(0.935)
    // About 1 in BLOCKS of the sample answers each block item.
    expect(meanN.short / meanN.full).toBeGreaterThan(1 / BLOCKS - 0.02)
    expect(meanN.short / meanN.full).toBeLessThan(1 / BLOCKS + 0.02)
  }, 120_000)
})
