import { z } from 'zod'
import { MAX_PASSWORD_LENGTH } from './password-policy'

/** The sign-in form, validated in the browser and again by the action. Messages are `auth` keys. */
export const LoginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'login.errors.email' })),
  password: z
    .string()
    .min(1, { error: 'login.errors.passwordRequired' })
    .max(MAX_PASSWORD_LENGTH, { error: 'login.errors.passwordRequired' }),
  redirectTo: z.string().optional(),
})

export type LoginInput = z.input<typeof LoginSchema>
export type Login = z.output<typeof LoginSchema>
