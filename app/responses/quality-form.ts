import { z } from 'zod'
import type { FieldErrors } from '~/forms/field-errors'
import { type QualityFlagName, type QualitySettings, QualitySettingsSchema } from '~/quality/flags'

/*
 * The quality-flag settings form (/admin/quality), read by the action and shared with the page.
 * Field names are the settings' paths ("burst.windowSeconds"), so an error of the settings
 * schema names its field. QualitySettingsSchema (flags.ts) is the one authority on the bounds;
 * the `min`/`max` below only give the browser the same limits (quality-form.test.ts keeps the
 * two together). Error messages are `admin` keys: `quality.errors.<field>`.
 */

export type ThresholdField = {
  name: string
  kind: 'number' | 'time'
  min?: number
  max?: number
  step?: 'any' | number
}

/** Each flag and the thresholds that decide it, in the order the page explains them. */
export const QUALITY_RULES: readonly { flag: QualityFlagName; fields: readonly ThresholdField[] }[] = [
  { flag: 'TOO_FAST', fields: [{ name: 'tooFast.secondsPerItem', kind: 'number', min: 0, max: 60, step: 'any' }] },
  { flag: 'STRAIGHT_LINING', fields: [{ name: 'straightLining.minItems', kind: 'number', min: 2, max: 500 }] },
  {
    flag: 'BURST',
    fields: [
      { name: 'burst.windowSeconds', kind: 'number', min: 1, max: 3600 },
      { name: 'burst.maxPerDevice', kind: 'number', min: 1 },
      { name: 'burst.maxPerServicePoint', kind: 'number', min: 1 },
    ],
  },
  // A robot filling the hidden field: nothing to tune.
  { flag: 'HONEYPOT', fields: [] },
  {
    flag: 'CLOSING_TIME_BURST',
    fields: [
      { name: 'closingTime.closesAt', kind: 'time' },
      { name: 'closingTime.minutesBefore', kind: 'number', min: 0, max: 1440 },
      { name: 'closingTime.minutesAfter', kind: 'number', min: 0, max: 1440 },
      { name: 'closingTime.windowSeconds', kind: 'number', min: 1, max: 3600 },
      { name: 'closingTime.maxVerySatisfied', kind: 'number', min: 1 },
    ],
  },
]

export const THRESHOLD_FIELDS: readonly ThresholdField[] = QUALITY_RULES.flatMap((rule) => rule.fields)
export const EXCLUDED_FIELD = 'excluded'

// A number as typed, with a decimal point or comma ("1,5"). Anything else (blank too) becomes
// NaN, which the settings schema refuses on the field's path, alongside every other error.
const typedNumber = z
  .string()
  .default('')
  .transform((typed) => (/^\d{1,9}([.,]\d{1,6})?$/.test(typed.trim()) ? Number(typed.trim().replace(',', '.')) : NaN))

/** The form's fields (text, and the ticked flags) → the settings, checked by the settings schema. */
export const QualityFormSchema = z
  .object({
    ...Object.fromEntries(
      THRESHOLD_FIELDS.map((field) => [field.name, field.kind === 'time' ? z.string().trim().default('') : typedNumber])
    ),
    [EXCLUDED_FIELD]: z.array(z.string()).default([]),
  })
  .transform((fields) => {
    const nested: Record<string, Record<string, unknown>> = {}
    for (const { name } of THRESHOLD_FIELDS) {
      const [group, key] = name.split('.') as [string, string]
      nested[group] = { ...nested[group], [key]: (fields as Record<string, unknown>)[name] }
    }
    // The settings schema checks every value; the shape is all this step vouches for.
    return { ...nested, excluded: fields[EXCLUDED_FIELD] } as z.input<typeof QualitySettingsSchema>
  })
  .pipe(QualitySettingsSchema)

/**
 * One `admin` message per field the form got wrong. The settings schema is not the form's, so
 * its issues carry no message keys: each field has one message naming its bounds.
 */
export function qualityFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of error.issues) {
    const field = issue.path[0] === EXCLUDED_FIELD ? EXCLUDED_FIELD : issue.path.join('.')
    errors[field] ??= { key: `quality.errors.${field}` }
  }
  return errors
}

/** A stored setting as the form shows it. */
export function thresholdValue(settings: QualitySettings, name: string): string {
  const [group, key] = name.split('.') as [string, string]
  return String((settings as unknown as Record<string, Record<string, unknown>>)[group]?.[key] ?? '')
}
