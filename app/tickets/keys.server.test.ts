import { describe, expect, test } from 'vitest'
import { dossierHash, ticketKeyRing } from './keys.server'

describe('the key ring from the environment', () => {
  test('without TICKET_KEYS one derived key signs and verifies', () => {
    const ring = ticketKeyRing({})
    expect(ring.signing.id).toBe('k0')
    expect(ring.verifying).toEqual([ring.signing])
  })
  test('the first listed key signs, all of them verify', () => {
    const ring = ticketKeyRing({ TICKET_KEYS: `k2=${'b'.repeat(32)}, k1=${'a'.repeat(32)}` })
    expect(ring.signing).toEqual({ id: 'k2', secret: 'b'.repeat(32) })
    expect(ring.verifying.map((key) => key.id)).toEqual(['k2', 'k1'])
  })
  test.each([`k1=${'a'.repeat(31)}`, `bad id=${'a'.repeat(32)}`, 'k1', `k1=${'a'.repeat(32)},k1=${'b'.repeat(32)}`])(
    'TICKET_KEYS=%j fails loudly',
    (value) => {
      expect(() => ticketKeyRing({ TICKET_KEYS: value })).toThrow(/TICKET_KEYS/)
    },
  )
})

describe('dossier hashes', () => {
  test('the same dossier in the same province hashes alike; another province or code does not', () => {
    const env = { TICKET_DOSSIER_KEY: 'k'.repeat(32) }
    expect(dossierHash('P01', 'H01.22-241207-0001', env)).toBe(dossierHash('P01', ' H01.22-241207-0001 ', env))
    expect(dossierHash('P02', 'H01.22-241207-0001', env)).not.toBe(dossierHash('P01', 'H01.22-241207-0001', env))
    expect(dossierHash('P01', 'H01.22-241207-0002', env)).not.toBe(dossierHash('P01', 'H01.22-241207-0001', env))
    expect(dossierHash('P01', 'H01.22-241207-0001', env)).not.toContain('241207')
  })
  test('the hash depends on the key', () => {
    expect(dossierHash('P01', 'X', { TICKET_DOSSIER_KEY: 'a'.repeat(32) })).not.toBe(
      dossierHash('P01', 'X', { TICKET_DOSSIER_KEY: 'b'.repeat(32) }),
    )
  })
})
