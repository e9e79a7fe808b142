import { hash, verify, type Algorithm } from '@node-rs/argon2'

// Algorithm is a const enum, which isolatedModules cannot read; 2 is Algorithm.Argon2id.
const ARGON2ID = 2 as Algorithm

// OWASP's second argon2id profile (19 MiB, 2 passes, 1 lane): strong enough for staff accounts
// and still ~50 ms on the 2-core machines this runs on.
const ARGON2ID_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const

/** Hashes a password with argon2id; the result is a PHC string carrying its own salt and parameters. */
export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2ID_OPTIONS)
}

/** True when `plain` matches `passwordHash`; false for a malformed hash rather than throwing. */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  if (!passwordHash.startsWith('$argon2')) return false
  return verify(passwordHash, plain)
}
