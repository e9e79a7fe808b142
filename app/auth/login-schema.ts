import { z } from 'zod'
import { emailAddress } from '~/forms/text-fields'
import { MAX_PASSWORD_LENGTH } from './password-policy'

/** The sign-in form, validated in the browser and again by the action. Messages are `auth` keys. */
export const LoginSchema = z.object({
  email: emailAddress('login.errors.email'),
  password: z
    .string()
    .min(1, { error: 'login.errors.passwordRequired' })
    .max(MAX_PASSWORD_LENGTH, { error: 'login.errors.passwordRequired' }),
  redirectTo: z.string().optional(),
})

export type LoginInput = z.input<typeof LoginSchema>
export type Login = z.output<typeof LoginSchema>
