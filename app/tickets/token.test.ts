import { createHmac } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { signTicket, type TicketClaims, type TicketKeyRing, verifyTicket } from './token'

const k1 = { id: 'k1', secret: 'first-secret-of-at-least-32-characters' }
const k2 = { id: 'k2', secret: 'second-secret-of-at-least-32-characters' }
const claims: TicketClaims = {
  servicePointCode: 'HN.TTPVHCC-01',
  field: 'land',
  issuedOn: '2026-12-07',
  expiresOn: '2026-12-21',
  nonce: 'q5Jk3m9XdA7bW2pLr0sT4u',
}
const ring = (signing = k1, ...others: (typeof k1)[]): TicketKeyRing => ({ signing, verifying: [signing, ...others] })

describe('signing and verifying', () => {
  test('a signed ticket reads back with what it names', () => {
    const token = signTicket(claims, k1)
    expect(verifyTicket(token, ring(), '2026-12-07')).toEqual({ ok: true, claims, keyId: 'k1' })
    expect(token).toMatch(/^k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
  })

  test('a ticket without a field reads back with a null field', () => {
    const token = signTicket({ ...claims, field: null }, k1)
    expect(verifyTicket(token, ring(), '2026-12-10')).toMatchObject({ ok: true, claims: { field: null } })
  })

  test('an altered payload, signature or key id is refused', () => {
    const token = signTicket(claims, k1)
    const [keyId, payload, mac] = token.split('.') as [string, string, string]
    const otherPayload = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('HN.TTPVHCC-01', 'HN.TTPVHCC-02'),
    ).toString('base64url')
    expect(verifyTicket(`${keyId}.${otherPayload}.${mac}`, ring(), '2026-12-07')).toEqual({ ok: false, reason: 'bad_signature' })
    expect(verifyTicket(`${keyId}.${payload}.${mac.slice(0, -2)}AA`, ring(), '2026-12-07')).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
    // The same payload and signature under another key's id.
    expect(verifyTicket(`k2.${payload}.${mac}`, ring(k1, k2), '2026-12-07')).toEqual({ ok: false, reason: 'bad_signature' })
  })

  test('a ticket signed with a key outside the ring is refused', () => {
    expect(verifyTicket(signTicket(claims, k2), ring(k1), '2026-12-07')).toEqual({ ok: false, reason: 'unknown_key' })
  })

  test.each(['', 'k1', 'k1.abc', 'k1.a.b.c', 'k 1.abc.def', '../x.y.z'])('%j is malformed', (token) => {
    expect(verifyTicket(token, ring(), '2026-12-07')).toEqual({ ok: false, reason: 'malformed' })
  })

  test('a well-signed payload that is not a ticket is malformed', () => {
    const payload = Buffer.from('v1|HN|land|2026-12-07').toString('base64url')
    const mac = createHmac('sha256', k1.secret).update(`rating-ticket:k1.${payload}`).digest('base64url')
    expect(verifyTicket(`k1.${payload}.${mac}`, ring(), '2026-12-07')).toEqual({ ok: false, reason: 'malformed' })
  })

  test('claims that could not be read back are not signed', () => {
    expect(() => signTicket({ ...claims, servicePointCode: 'a|b' }, k1)).toThrow(/service point/)
    expect(() => signTicket({ ...claims, field: 'Land|x' }, k1)).toThrow(/field/)
    expect(() => signTicket({ ...claims, expiresOn: '2026-12-06' }, k1)).toThrow(/expires/)
    expect(() => signTicket({ ...claims, nonce: 'short' }, k1)).toThrow(/nonce/)
  })
})

describe('expiry', () => {
  const token = signTicket(claims, k1)
  test('valid from the issue day through the last day, both included', () => {
    expect(verifyTicket(token, ring(), '2026-12-07').ok).toBe(true)
    expect(verifyTicket(token, ring(), '2026-12-21').ok).toBe(true)
  })
  test('refused the day after the last day, and before the issue day', () => {
    expect(verifyTicket(token, ring(), '2026-12-22')).toEqual({ ok: false, reason: 'expired' })
    expect(verifyTicket(token, ring(), '2026-12-06')).toEqual({ ok: false, reason: 'not_yet_valid' })
  })
})

describe('key rotation', () => {
  test('after a rotation the new key signs and tickets of the old one still verify', () => {
    const old = signTicket(claims, k1)
    const rotated = ring(k2, k1)
    const fresh = signTicket(claims, rotated.signing)
    expect(fresh.startsWith('k2.')).toBe(true)
    expect(verifyTicket(old, rotated, '2026-12-08')).toMatchObject({ ok: true, keyId: 'k1' })
    expect(verifyTicket(fresh, rotated, '2026-12-08')).toMatchObject({ ok: true, keyId: 'k2' })
  })
  test('once the old key is dropped, only its tickets are refused', () => {
    const old = signTicket(claims, k1)
    const fresh = signTicket(claims, k2)
    expect(verifyTicket(old, ring(k2), '2026-12-08')).toEqual({ ok: false, reason: 'unknown_key' })
    expect(verifyTicket(fresh, ring(k2), '2026-12-08').ok).toBe(true)
  })
})
