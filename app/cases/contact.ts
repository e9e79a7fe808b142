import { z } from 'zod'

/*
 * How a citizen asks to hear back about their case (the thank-you page): by reading the reply
 * with their receipt code, which needs nothing stored about them, or by leaving a phone number or
 * an e-mail address, which is personal data (Law 91/2025/QH15, Decree 356/2025) and so needs the
 * consent box ticked. The wording they consent to is versioned: the version they ticked is stored
 * with the contact, so a later change of wording never claims consent nobody gave.
 */

/** The version of the consent wording (locales/*\/feedback.json `optIn.consent`). Change it with the wording. */
export const CONSENT_VERSION = '2026-12-v1'
export const MAX_CONTACT_LENGTH = 254

export type ContactChannel = 'phone' | 'email'
export type Contact = { channel: ContactChannel; value: string }

/**
 * A Vietnamese phone number in its national form (0912345678), or null. Accepted: a mobile number
 * (0 or +84, then 3/5/7/8/9 and eight digits) or a landline (0 or +84, 2, then nine digits), with
 * spaces, dots, dashes or brackets between the digits.
 */
export function vietnamesePhone(text: string): string | null {
  if (!/^[\d\s.()+-]+$/.test(text)) return null
  const digits = text.replace(/\D/g, '')
  const national = text.trim().startsWith('+') || /^84\d{9,10}$/.test(digits) ? `0${digits.slice(2)}` : digits
  if (/^0[35789]\d{8}$/.test(national) || /^02\d{9}$/.test(national)) return national
  return null
}

const EmailSchema = z.email()

/** What a citizen typed as their contact, recognised: an e-mail address when it has an @, else a phone number. */
export function recogniseContact(text: string): Contact | null {
  const value = text.trim()
  if (value.length === 0 || value.length > MAX_CONTACT_LENGTH) return null
  if (value.includes('@')) return EmailSchema.safeParse(value).success ? { channel: 'email', value } : null
  const phone = vietnamesePhone(value)
  return phone ? { channel: 'phone', value: phone } : null
}

/** The receipt-only choice: nothing but the intent. */
export const ReceiptChoiceSchema = z.object({ intent: z.literal('receipt') })

/** The contact choice: a recognisable phone number or e-mail address, and the consent box ticked. */
export const ContactChoiceSchema = z.object({
  intent: z.literal('contact'),
  contact: z
    .string({ error: 'optIn.errors.contact' })
    .transform((text, context) => {
      const contact = recogniseContact(text)
      if (!contact) context.addIssue({ code: 'custom', message: 'optIn.errors.contact' })
      return contact ?? { channel: 'phone' as const, value: '' }
    }),
  consent: z.literal('yes', { error: 'optIn.errors.consent' }),
})
