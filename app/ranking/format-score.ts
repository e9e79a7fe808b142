import type { Language } from '~/i18n/config'
import { MISSING, formatDecimal, formatPercent } from '~/i18n/format'
import { type IndexCode, SCORE_UNIT } from './indices'

/** A score as its index publishes it: "90,23 %" for SIPAS and PAR INDEX, "45,20" for PAPI. */
export function formatScore(value: number | null, index: IndexCode, locale: Language): string {
  return SCORE_UNIT[index] === 'percent' ? formatPercent(value, locale) : formatDecimal(value, locale)
}

/** The margin of error achieved, "± 3,12" (points); a dash when there is none. */
export function formatMargin(margin: number | null | undefined, locale: Language): string {
  return margin == null ? MISSING : `± ${formatDecimal(margin, locale)}`
}

/** A 95 % interval, "88,10 – 92,40 %"; a dash when there is none. */
export function formatInterval(low: number | null, high: number | null, index: IndexCode, locale: Language): string {
  if (low === null || high === null) return MISSING
  const unit = SCORE_UNIT[index] === 'percent'
  const from = formatDecimal(low, locale)
  const to = unit ? formatPercent(high, locale) : formatDecimal(high, locale)
  return `${from} – ${to}`
}
