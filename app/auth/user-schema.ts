import { z } from 'zod'
import { emailAddress, optionalText } from '~/forms/text-fields'
import { Role } from '~/generated/prisma/enums'

/**
 * What an account may do and where: its role, plus the province (province administrators,
 * clerks) or the agency code (agency staff) the role needs. Messages are `admin` keys.
 */
export const UserAccessSchema = z.object({
  role: z.enum(Role, { error: 'users.errors.role' }),
  provinceId: optionalText,
  agencyCode: optionalText.transform((value) => value?.toUpperCase() ?? null),
})

export const NewUserSchema = UserAccessSchema.extend({
  email: emailAddress('users.errors.email'),
  name: z.string().trim().min(1, { error: 'users.errors.name' }).max(200, { error: 'users.errors.name' }),
})

export type UserAccess = z.output<typeof UserAccessSchema>
export type NewUser = z.output<typeof NewUserSchema>
