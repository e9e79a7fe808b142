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
  // One pass, no intermediate arrays: a full recompute runs this for every item of every unit.
  let n = 0
  let sumW = 0
  let sumW2 = 0
  let counted = 0
  let sumWCounted = 0
  for (const row of rows) {
    if (!isValidAnswer(row.value)) continue
    const w = useWeights ? row.sumW : row.n
    n += row.n
    sumW += w
    sumW2 += useWeights ? row.sumW2 : row.n
    if (positive.includes(row.value)) {
      counted += row.n
      sumWCounted += w
    }
  }
  return rateFromTally({ n, sumW, sumW2, positive: counted, sumWPositive: sumWCounted })
}

/** Single-choice and categorical items: each option's share of the valid answers. */
export function categoryShares(
  rows: readonly AnswerCount[],
  optionValues: readonly number[],
  useWeights: boolean,
): OptionShare[] {
  return optionValues.map((value) => ({ value, ...itemRate(rows, [value], useWeights) }))
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
    const ticked = sumRows(rows, useWeights, value)
    const tally: Tally = { ...denominator, positive: ticked.n, sumWPositive: ticked.sumW }
    return { value, ...rateFromTally(tally) }
  })
}

/** Sums the rows with `value`. Without weights every answer weighs 1, so Σw = Σw² = n. */
function sumRows(rows: readonly AnswerCount[], useWeights: boolean, value: number): RespondentTotals {
  let n = 0
  let sumW = 0
  let sumW2 = 0
  for (const row of rows) {
    if (row.value !== value) continue
    n += row.n
    sumW += useWeights ? row.sumW : row.n
    sumW2 += useWeights ? row.sumW2 : row.n
  }
  return { n, sumW, sumW2 }
}
