import { z } from 'zod'
import { createSettingStore } from '~/db/setting-store.server'
import { DEFAULT_RESPONSE_BASIS, RESPONSE_BASES, type ResponseBasis } from './response-basis'

/*
 * Which responses the official figures count (rankings, frozen snapshots, open data, the read
 * API's default): all of them, or only verified ones. One Setting row, set by the Ministry
 * administrator on the quality page; every figure without an explicit `responses` filter
 * follows it (figures.server.ts).
 */
const OfficialBasisSchema = z.object({ responses: z.enum(RESPONSE_BASES).default(DEFAULT_RESPONSE_BASIS) })
export type OfficialBasis = z.infer<typeof OfficialBasisSchema>

const store = createSettingStore({ key: 'aggregation.officialBasis', schema: OfficialBasisSchema, auditAction: 'aggregation.basis_changed' })

export const OFFICIAL_BASIS_SETTING_KEY = store.key

/** The basis official figures use; a malformed stored value fails loudly. */
export async function officialResponseBasis(now = Date.now()): Promise<ResponseBasis> {
  return (await store.get(now)).responses
}

/** Drop this process's copy (tests that change the Setting row directly). */
export function forgetOfficialBasis() {
  store.forget()
}

/** Sets the basis and records who did it. */
export function setOfficialResponseBasis(responses: ResponseBasis, actorId: string): Promise<OfficialBasis> {
  return store.set({ responses }, actorId)
}
