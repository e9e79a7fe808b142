import { type Rate, type Tally, isValidAnswer, rateFromTally } from './rate'

/**
 * One row per unit × item × coded value, as the SQL aggregate returns it (already filtered by
 * period and quality flags): how many answers, and the sum of their weights and squared weights.
 */
export type AnswerCount = {
  unitKey: string
  itemCode: string
  value: number
  n: number
  sumW: number
  sumW2: number
}

/** How many respondents a unit (or item) has, with their weight sums. */
export type RespondentTotals = { n: number; sumW: number; sumW2: number }

export type OptionShare = Rate & { value: number }

/** Share of valid answers to one item that fall in `positive` (SIPAS item rate). */
export function itemRate(
  rows: readonly AnswerCount[],
  positive: readonly number[],
  useWeights: boolean,
): Rate {
  const valid = validTotals(rows, useWeights)
  const counted = sumRows(rows, useWeights, (value) => isValidAnswer(value) && positive.includes(value))
  return rateFromTally({ ...valid, positive: counted.n, sumWPositive: counted.sumW })
}

/** Single-choice and categorical items: each option's share of the valid answers. */
export function categoryShares(
  rows: readonly AnswerCount[],
  optionValues: readonly number[],
  useWeights: boolean,
): OptionShare[] {
  const valid = validTotals(rows, useWeights)
  return optionValues.map((value) => {
    const chose = sumRows(rows, useWeights, (rowValue) => rowValue === value && isValidAnswer(rowValue))
    return { value, ...rateFromTally({ ...valid, positive: chose.n, sumWPositive: chose.sumW }) }
  })
}

/**
 * Multi-select items: the share of respondents who ticked each option. The denominator is
 * people, not answers (one person ticks several options), so the shares don't sum to 100 and the
 * caller supplies how many respondents were asked the item.
 */
export function multiSelectShares(
  rows: readonly AnswerCount[],
  optionValues: readonly number[],
  respondents: RespondentTotals,
  useWeights: boolean,
): OptionShare[] {
  // Without weights every respondent weighs 1, so Σw = Σw² = n.
  const denominator = useWeights
    ? respondents
    : { n: respondents.n, sumW: respondents.n, sumW2: respondents.n }
  return optionValues.map((value) => {
    const ticked = sumRows(rows, useWeights, (rowValue) => rowValue === value)
    const tally: Tally = { ...denominator, positive: ticked.n, sumWPositive: ticked.sumW }
    return { value, ...rateFromTally(tally) }
  })
}

function validTotals(rows: readonly AnswerCount[], useWeights: boolean): RespondentTotals {
  return sumRows(rows, useWeights, isValidAnswer)
}

/**
 * Sums the rows whose value passes `include`, in row order (one pass, no intermediate arrays:
 * this runs for every option of every item of every unit in a full recompute).
 * Without weights every answer weighs 1, so Σw = Σw² = n.
 */
function sumRows(
  rows: readonly AnswerCount[],
  useWeights: boolean,
  include: (value: number) => boolean,
): RespondentTotals {
  let n = 0
  let sumW = 0
  let sumW2 = 0
  for (const row of rows) {
    if (!include(row.value)) continue
    n += row.n
    sumW += useWeights ? row.sumW : row.n
    sumW2 += useWeights ? row.sumW2 : row.n
  }
  return { n, sumW, sumW2 }
}
