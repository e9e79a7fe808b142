import type { Definition, LocalizedText } from '~/questionnaire/definition'

/** What GET /api/kiosk/config answers (docs/decisions/019-kiosk.md); kept on the device for offline starts. */
export type KioskConfig = {
  kiosk: { id: string; name: string }
  servicePoint: { code: string; name: LocalizedText }
  version: { id: string; definition: Definition }
  /** The item codes the kiosk asks, in any order: the kiosk asks them in definition order. */
  form: string[]
  /**
   * The campaign's short-form channels (Campaign.shortFormChannels): with 'kiosk' among them, each
   * respondent is asked the version's short form instead of the kiosk form (./session-form.ts).
   * Absent from a configuration a kiosk kept from before short forms existed.
   */
  shortFormChannels?: string[]
  acceptedVersionIds: string[]
  minIntervalSeconds: number
  heartbeatSeconds: number
}

/** What POST /api/kiosk/enrol answers: the device credential, kept in IndexedDB only. */
export type Enrolment = {
  token: string
  kiosk: { id: string; name: string; servicePointCode: string }
  pin: PinVerifier
}

/** A PBKDF2-SHA-256 verifier of the administrator PIN, so the PIN is checked with no network. */
export type PinVerifier = { salt: string; iterations: number; hash: string }
