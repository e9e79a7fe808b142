import { type Definition, type Methodology, allItems } from '~/questionnaire/definition'
import {
  type Coefficients,
  type IndexInterval,
  type IndexIntervals,
  indexCoefficients,
  intervalAround,
  isRoundingRemainder,
} from './index-variance'
import type { OptionShare } from './counts'
import { type NationalFigures, nationalFigures } from './national'
import { optionValues, ratedValues, shareKind } from './measures'
import { type Rate, type Tally, isValidAnswer, rateFromTally } from './rate'
import { type ResponseBasis, countsOnBasis } from './response-basis'
import { type FigureOptions, type UnitFigures, assembleUnitFigures } from './unit-figures'

/**
 * The reference implementation: every figure computed straight from raw responses, the slow and
 * obvious way. Property tests check the SQL aggregation against it, so it deliberately shares no
 * counting code with counts.ts — only the rules that define the method (which answers are valid,
 * which items get which figures, how indices combine). Numbers are not rounded.
 */

export const UNIT_LEVELS = ['servicePoint', 'agency', 'province'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]

export type RawResponse = {
  id: string
  unitKeys: Record<UnitLevel, string>
  /** Quality flags as a bitmask. */
  flags: number
  weight: number
  answers: readonly { itemCode: string; value: number | null }[]
}

export type ReferenceOptions = FigureOptions & {
  /** A response is left out when any of these flag bits is set. */
  excludeFlagsMask: number
  /** Only verified responses count at all on the 'verified' basis (default 'all'). */
  responses?: ResponseBasis
}

export type ReferenceFigures = Record<UnitLevel, Record<string, UnitFigures>> & {
  national: NationalFigures
  /** Responses left out by the flags mask. */
  excluded: number
}

export function referenceFigures(
  responses: readonly RawResponse[],
  definition: Definition,
  options: ReferenceOptions,
): ReferenceFigures {
  const basis = options.responses ?? 'all'
  const counted = responses.filter((response) => countsOnBasis(response.flags, basis))
  const kept = counted.filter((response) => (response.flags & options.excludeFlagsMask) === 0)
  const perUnit = (level: UnitLevel) => figuresPerUnit(kept, level, definition, options)
  const province = perUnit('province')
  return {
    servicePoint: perUnit('servicePoint'),
    agency: perUnit('agency'),
    province,
    national: nationalFigures(Object.values(province)),
    excluded: counted.length - kept.length,
  }
}

function figuresPerUnit(
  responses: readonly RawResponse[],
  level: UnitLevel,
  definition: Definition,
  options: FigureOptions,
): Record<string, UnitFigures> {
  const byUnit = new Map<string, RawResponse[]>()
  for (const response of responses) {
    const key = response.unitKeys[level]
    const group = byUnit.get(key)
    if (group) group.push(response)
    else byUnit.set(key, [response])
  }
  return Object.fromEntries(
    [...byUnit].map(([key, unitResponses]) => [key, unitFigures(unitResponses, definition, options)]),
  )
}

type WeightedAnswer = { value: number; weight: number }

function unitFigures(
  responses: readonly RawResponse[],
  definition: Definition,
  options: FigureOptions,
): UnitFigures {
  const weightOf = (response: RawResponse) => (options.useWeights ? response.weight : 1)
  const respondentWeights = responses.map(weightOf)
  const answers = new Map<string, WeightedAnswer[]>()
  for (const response of responses) {
    for (const { itemCode, value } of response.answers) {
      if (value === null) continue
      const list = answers.get(itemCode)
      const answer = { value, weight: weightOf(response) }
      if (list) list.push(answer)
      else answers.set(itemCode, [answer])
    }
  }

  const rates: Record<string, Rate> = {}
  const shares: Record<string, OptionShare[]> = {}
  for (const item of allItems(definition)) {
    const itemAnswers = answers.get(item.code) ?? []
    const valid = itemAnswers.filter((answer) => isValidAnswer(answer.value))
    const positive = ratedValues(item)
    if (positive) {
      const counted = valid.filter((answer) => positive.includes(answer.value))
      rates[item.code] = proportion(weightsOf(valid), weightsOf(counted))
    }
    const kind = shareKind(item)
    if (kind === null) continue
    shares[item.code] = optionValues(item).map((option) => {
      const chose = itemAnswers.filter((answer) => answer.value === option)
      // Single choice: share of valid answers. Multi-select: share of people, who tick several.
      const denominator = kind === 'category' ? weightsOf(valid) : respondentWeights
      return { value: option, ...proportion(denominator, weightsOf(chose)) }
    })
  }
  const intervals = respondentIntervals(definition, responses, rates, weightOf)
  return assembleUnitFigures(definition.methodology, rates, shares, responses.length, options.minN, intervals)
}

/**
 * The intervals straight from each respondent's linearised contribution
 * z_i = Σ_j a_j w_i r_ij (y_ij − p_j) / W_j and Var = n/(n−1) Σ z_i² (docs/methodology.md), with
 * none of the pair sums the SQL path reads.
 */
function respondentIntervals(
  definition: Definition,
  responses: readonly RawResponse[],
  rates: Readonly<Record<string, Rate>>,
  weightOf: (response: RawResponse) => number,
): IndexIntervals {
  const methodology: Methodology = definition.methodology
  const positive = new Map(allItems(definition).map((item) => [item.code, ratedValues(item)]))
  const coefficients = indexCoefficients(
    methodology,
    Object.fromEntries(Object.entries(rates).map(([code, rate]) => [code, rate.rate])),
  )
  const interval = (of: Coefficients | null): IndexInterval | null => {
    if (!of || responses.length < 2) return null
    const validWeight: Record<string, number> = {}
    for (const code in of) {
      validWeight[code] = sum(responses.map((r) => (validAnswer(r, code) === null ? 0 : weightOf(r))))
      if (!(validWeight[code]! > 0)) return null
    }
    let sumZ2 = 0
    // The size of what cancels: rates computed in floating point leave y − p a hair off 0.
    let scale = 0
    for (const response of responses) {
      let z = 0
      let size = 0
      for (const code in of) {
        const value = validAnswer(response, code)
        if (value === null) continue
        const y = positive.get(code)!.includes(value) ? 1 : 0
        const p = rates[code]!.rate! / 100
        z += (of[code]! * weightOf(response) * (y - p)) / validWeight[code]!
        size += (Math.abs(of[code]!) * weightOf(response) * (y + p)) / validWeight[code]!
      }
      sumZ2 += z * z
      scale += size * size
    }
    if (isRoundingRemainder(sumZ2, scale)) sumZ2 = 0
    const n = responses.length
    const value = sum(Object.keys(of).map((code) => of[code]! * rates[code]!.rate!))
    const fewestValid = Math.min(...Object.keys(of).map((code) => rates[code]!.n))
    return intervalAround(value, (n / (n - 1)) * sumZ2 * 100 * 100, fewestValid)
  }
  return {
    sipas: interval(coefficients.sipas),
    elements: Object.fromEntries(Object.entries(coefficients.elements).map(([code, of]) => [code, interval(of)])),
  }
}

/** The response's valid answer to the item, or null. */
function validAnswer(response: RawResponse, itemCode: string): number | null {
  const answer = response.answers.find((a) => a.itemCode === itemCode)
  return answer?.value != null && isValidAnswer(answer.value) ? answer.value : null
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

function weightsOf(answers: readonly WeightedAnswer[]): number[] {
  return answers.map((answer) => answer.weight)
}

/** Rate of the numerator over the denominator, each given as the weights of its answers. */
function proportion(denominator: readonly number[], numerator: readonly number[]): Rate {
  const below = weightSums(denominator)
  const above = weightSums(numerator)
  return rateFromTally({ ...below, positive: above.n, sumWPositive: above.sumW })
}

function weightSums(weights: readonly number[]): Omit<Tally, 'positive' | 'sumWPositive'> {
  let sumW = 0
  let sumW2 = 0
  for (const weight of weights) {
    sumW += weight
    sumW2 += weight * weight
  }
  return { n: weights.length, sumW, sumW2 }
}
