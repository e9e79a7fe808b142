import { z } from 'zod'
import { parsePeriod } from '~/aggregation/period'
import { RESPONSE_BASES } from '~/aggregation/response-basis'
import { type FieldErrors, fieldErrorsOf } from '~/forms/field-errors'
import { Channel } from '~/generated/prisma/enums'
import { INDICES, PEER_GROUPS } from '~/ranking/indices'

/*
 * What an export is asked for. The same schemas read the exports form and the filters an export
 * job stored (ExportJob.filters): their output is valid input, so a job re-reads its filters
 * with the schema it was created with. ADR 020.
 */

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The units an aggregated export lists: the national figures, or every unit of one level. */
export const EXPORT_LEVELS = ['national', 'province', 'agency', 'servicePoint'] as const
export type ExportLevel = (typeof EXPORT_LEVELS)[number]

const MAX_ID_LENGTH = 64
const MAX_CODE_LENGTH = 40

// A form sends an empty select as "": treat it as not given.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional())

/** The period's text form ('2025', '2025-Q2', '2025-03', '2025-01-15..2025-02-10'), made canonical. */
const PeriodSchema = z
  .string({ error: 'exports:filters.errors.periodRequired' })
  .trim()
  .min(1, 'exports:filters.errors.periodRequired')
  .refine((text) => parsePeriod(text) !== null, 'exports:filters.errors.period')
  .transform((text) => parsePeriod(text)!.key)

const ProvinceIdSchema = optional(z.string().trim().max(MAX_ID_LENGTH, 'exports:filters.errors.province'))
const ChannelSchema = optional(z.enum(Channel, { error: 'exports:filters.errors.channel' }))

export const AggregatedFiltersSchema = z.object({
  period: PeriodSchema,
  level: z.enum(EXPORT_LEVELS, { error: 'exports:filters.errors.level' }),
  /** For agencies: only one of their peer groups (departments, communes, ministries). */
  peerGroup: optional(z.enum(PEER_GROUPS, { error: 'exports:filters.errors.peerGroup' })),
  /** The index whose ranks the index rows carry. */
  index: optional(z.enum(INDICES, { error: 'exports:filters.errors.index' })).transform((index) => index ?? 'SIPAS'),
  /** Only the figures of this methodology series (e.g. 'sipas-2023'); default: every series. */
  methodologyCode: optional(z.string().trim().max(MAX_CODE_LENGTH, 'exports:filters.errors.methodology')),
  channel: ChannelSchema,
  provinceId: ProvinceIdSchema,
  /** All responses or verified ones only; default: the basis of official figures. */
  responses: optional(z.enum(RESPONSE_BASES, { error: 'exports:filters.errors.responses' })),
})
export type AggregatedFilters = z.output<typeof AggregatedFiltersSchema>

// A checkbox posts 'on' when ticked and nothing otherwise; stored filters hold a boolean.
const CheckboxSchema = z.preprocess(
  (value) => (value === undefined || value === '' || value === 'false' ? false : value === 'on' || value === 'true' ? true : value),
  z.boolean({ error: 'exports:filters.errors.includeComments' }),
)

export const MicrodataFiltersSchema = z.object({
  period: PeriodSchema,
  provinceId: ProvinceIdSchema,
  channel: ChannelSchema,
  /** Only the answers to one questionnaire version (their columns are that version's items). */
  versionId: optional(z.string().trim().max(MAX_ID_LENGTH, 'exports:filters.errors.version')),
  /** Free-text comments are personal data: left out unless asked for. */
  includeComments: CheckboxSchema,
})
export type MicrodataFilters = z.output<typeof MicrodataFiltersSchema>

export type FiltersResult<T> = { filters: T; fieldErrors: null } | { filters: null; fieldErrors: FieldErrors }

/**
 * Filters from a query string or a posted form: the parsed filters, or a message per field
 * (i18n keys of the `exports` namespace, shown with app/forms' formFields).
 */
export function readFilters<Schema extends typeof AggregatedFiltersSchema | typeof MicrodataFiltersSchema>(
  schema: Schema,
  source: URLSearchParams | FormData,
): FiltersResult<z.output<Schema>> {
  const values: Record<string, string> = {}
  for (const [key, value] of source) if (typeof value === 'string') values[key] = value
  const parsed = schema.safeParse(values)
  return parsed.success
    ? { filters: parsed.data as z.output<Schema>, fieldErrors: null }
    : { filters: null, fieldErrors: fieldErrorsOf(parsed.error) }
}
