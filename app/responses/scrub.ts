/*
 * Free text is personal data (ADR 003); respondents are asked not to write phone numbers or ID
 * numbers, and some still do ("gọi lại cho tôi 0912 345 678"). These are removed before the text
 * is stored, so they never reach the database, its backups or the agency's screen.
 *
 * Recognised, with spaces, dots or dashes between digits:
 * - mobile numbers: 0 or +84/84, then 3/5/7/8/9 and eight more digits (0912 345 678, +84 912.345.678);
 * - landlines: 0 or +84, area code 2x or 2xx, ten digits in all without the 0 ((024) 3825 1234);
 * - ID numbers: 9 digits (old CMND) or 12 digits (CCCD), written as one run of digits.
 * Ordinary numbers survive: years, counts ("3 lần"), amounts with thousands dots ("1.500.000 đồng").
 * NOTE: a bare run of 9 or 12 digits is removed even when it was an amount ("150000000"): erring
 * towards privacy. A 12-digit ID written in spaced groups is not recognised.
 */

export const SCRUBBED_PLACEHOLDER = '[***]'

const SEPARATOR = '[ .\\-]?'
const PREFIX = `(?:\\(?\\+?84\\)?${SEPARATOR}|0)`
const MOBILE = new RegExp(`(?<!\\d)${PREFIX}[35789]\\d(?:${SEPARATOR}\\d){7}(?!\\d)`, 'g')
const LANDLINE = new RegExp(`(?<!\\d)(?:\\(?\\+?84\\)?${SEPARATOR}\\(?|\\(?0)2\\d{1,2}\\)?(?:${SEPARATOR}\\d){7,8}(?!\\d)`, 'g')
const ID_NUMBER = /(?<!\d)(?:\d{12}|\d{9})(?!\d)/g
/** A landline's national number (without the 0 or 84) is 10 digits: area code and subscriber. */
const LANDLINE_DIGITS = 10

/** `text` with phone and ID numbers replaced by SCRUBBED_PLACEHOLDER. */
export function scrubPersonalNumbers(text: string): string {
  return text
    .replace(MOBILE, SCRUBBED_PLACEHOLDER)
    .replace(LANDLINE, (match) => (nationalDigits(match).length === LANDLINE_DIGITS ? SCRUBBED_PLACEHOLDER : match))
    .replace(ID_NUMBER, SCRUBBED_PLACEHOLDER)
}

function nationalDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (/^\(?\+?84/.test(phone)) return digits.slice(2)
  return digits.slice(1)
}
