import { z } from 'zod'

/** Shortest password a user may choose (NIST SP 800-63B asks for at least 8; staff accounts get 10). */
export const MIN_PASSWORD_LENGTH = 10
/** Longest password accepted; argon2 hashes any length, this only bounds the work per request. */
export const MAX_PASSWORD_LENGTH = 200

/** A new password typed twice (reset page). Messages are keys in the `auth` namespace. */
export const NewPasswordSchema = z
  .object({
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { error: 'password.errors.tooShort' })
      .max(MAX_PASSWORD_LENGTH, { error: 'password.errors.tooLong' }),
    confirm: z.string(),
  })
  .refine((value) => value.password === value.confirm, { error: 'password.errors.mismatch', path: ['confirm'] })

export type NewPassword = z.infer<typeof NewPasswordSchema>
