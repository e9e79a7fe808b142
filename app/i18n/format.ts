import type { Language } from './config'

/**
 * Number formatting for figures (SIPAS.md, "Presentation"): percentages with 2 decimals,
 * `90,23 %` in Vietnamese and `90.23%` in English, changes in percentage points. Digits come
 * from Intl (vi-VN: "." groups thousands, "," marks decimals); the units around them are ours,
 * because Intl's percent style multiplies by 100 and spaces the sign differently per locale.
 */

/** Shown wherever a figure is missing or suppressed. */
export const MISSING = '—'

const LOCALE_TAGS: Record<Language, string> = { vi: 'vi-VN', en: 'en-US' }

// Vietnamese typography puts a space before %; it must not break the line between number and sign.
const PERCENT_SUFFIX: Record<Language, string> = { vi: '\u00A0%', en: '%' }
const POINTS_SUFFIX: Record<Language, string> = { vi: ' điểm phần trăm', en: ' pp' }

export function formatPercent(value: number | null, locale: Language, digits = 2): string {
  if (value === null) return MISSING
  return fixedDigits(locale, digits, 'auto').format(value) + PERCENT_SUFFIX[locale]
}

/** A change in percentage points, always signed so that "+1,25" and "-1,25" read as changes. */
export function formatChange(points: number | null, locale: Language, digits = 2): string {
  if (points === null) return MISSING
  return fixedDigits(locale, digits, 'exceptZero').format(points) + POINTS_SUFFIX[locale]
}

/** A rank change (previous rank − rank): "tăng 13 bậc" / "up 13". */
export function formatRankChange(change: number | null, locale: Language): string {
  if (change === null) return MISSING
  const steps = formatNumber(Math.abs(change), locale)
  if (locale === 'vi')
    return change > 0 ? `tăng ${steps} bậc` : change < 0 ? `giảm ${steps} bậc` : 'không đổi'
  return change > 0 ? `up ${steps}` : change < 0 ? `down ${steps}` : 'no change'
}

/** A score on a points scale (PAPI, PCI): 2 decimals in the locale's digits, no unit. */
export function formatDecimal(value: number | null, locale: Language, digits = 2): string {
  if (value === null) return MISSING
  return fixedDigits(locale, digits, 'auto').format(value)
}

/** Counts such as respondents: 36.525 in Vietnamese, 36,525 in English. */
export function formatNumber(value: number, locale: Language): string {
  return numberFormat(locale, {}).format(value)
}

function fixedDigits(locale: Language, digits: number, signDisplay: 'auto' | 'exceptZero') {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay })
}

// Building an Intl.NumberFormat costs far more than using one, and a ranking table formats
// thousands of cells with the same few settings.
const formatters = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify([locale, options])
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE_TAGS[locale], options)
    formatters.set(key, formatter)
  }
  return formatter
}
