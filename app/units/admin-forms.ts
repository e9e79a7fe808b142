import { z } from 'zod'
import { optionalText } from '~/forms/text-fields'
import { AgencyKind } from '~/generated/prisma/enums'

/** Codes appear in URLs and QR links: upper-case letters, digits, dots, hyphens and underscores. */
const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{1,31}$/

const code = (key: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(UNIT_CODE_PATTERN, { error: key })
const name = (key: string) => z.string().trim().min(1, { error: key }).max(300, { error: key })

/** The new-agency form (messages are `admin` keys). */
export const AgencySchema = z.object({
  code: code('agencies.errors.code'),
  name: name('agencies.errors.name'),
  nameEn: name('agencies.errors.nameEn'),
  kind: z.enum(AgencyKind, { error: 'agencies.errors.kind' }),
  provinceId: optionalText,
})

/** The new-service-point form. */
export const ServicePointSchema = z.object({
  code: code('servicePoints.errors.code'),
  name: name('servicePoints.errors.name'),
  nameEn: name('servicePoints.errors.nameEn'),
  address: z.string().trim().max(500, { error: 'servicePoints.errors.address' }).default(''),
  agencyCode: code('servicePoints.errors.agencyCode'),
})

export type AgencyInput = z.output<typeof AgencySchema>
export type ServicePointInput = z.output<typeof ServicePointSchema>
