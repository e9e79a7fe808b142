import { randomBytes, randomUUID } from 'node:crypto'
import { recordAudit } from '~/audit/audit.server'
import { hashSecret } from '~/auth/secret-hash.server'
import { prisma } from '~/db.server'
import type { Prisma } from '~/generated/prisma/client'
import { API_TOKEN_BYTES, apiTokenFromBytes, shownPrefix } from './token-text'

/*
 * API tokens of the systems that read SIPAS results (docs/decisions/021-read-api.md): issued by
 * the Ministry administrator for the whole country or one province, shown once, stored as a
 * hash, revoked at will, each use counted.
 */

export type IssuedApiToken = { id: string; token: string; prefix: string; expiresAt: Date }

/** Issues a token; the returned `token` is the only time anyone sees it. */
export async function createApiToken(
  input: { name: string; provinceId: string | null; expiresAt: Date },
  actorId: string,
): Promise<IssuedApiToken> {
  const token = apiTokenFromBytes(randomBytes(API_TOKEN_BYTES))
  const id = randomUUID()
  const prefix = shownPrefix(token)
  await prisma.$transaction(async (tx) => {
    await tx.apiToken.create({
      data: { id, name: input.name, tokenHash: hashSecret(token), prefix, provinceId: input.provinceId, createdById: actorId, expiresAt: input.expiresAt },
      select: { id: true },
    })
    await recordAudit(
      'api_token.created',
      { actorId, target: `api_token:${id}`, details: { name: input.name, provinceId: input.provinceId, expiresAt: input.expiresAt.toISOString() } },
      tx,
    )
  })
  return { id, token, prefix, expiresAt: input.expiresAt }
}

const listedTokenSelect = {
  id: true,
  name: true,
  prefix: true,
  provinceId: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  useCount: true,
} satisfies Prisma.ApiTokenSelect

export type ListedApiToken = Omit<Prisma.ApiTokenGetPayload<{ select: typeof listedTokenSelect }>, 'useCount'> & {
  useCount: number
  provinceName: string | null
}

/** Every token, newest first, with its province's name. */
export async function listApiTokens(): Promise<ListedApiToken[]> {
  const tokens = await prisma.apiToken.findMany({ select: listedTokenSelect, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] })
  const provinceIds = [...new Set(tokens.flatMap((token) => (token.provinceId ? [token.provinceId] : [])))]
  const provinces = await prisma.adminUnit.findMany({ where: { id: { in: provinceIds } }, select: { id: true, name: true } })
  const names = new Map(provinces.map((province) => [province.id, province.name]))
  return tokens.map((token) => ({
    ...token,
    useCount: Number(token.useCount),
    provinceName: token.provinceId ? names.get(token.provinceId) ?? null : null,
  }))
}

/** Revokes a token at once; false when there is no such token or it was already revoked. */
export async function revokeApiToken(id: string, actorId: string, now = new Date()): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } })
    if (revoked.count === 0) return false
    await recordAudit('api_token.revoked', { actorId, target: `api_token:${id}` }, tx)
    return true
  })
}

export type ApiClient = { tokenId: string; provinceId: string | null }
export type TokenRefusal = 'api_token_unknown' | 'api_token_expired' | 'api_token_revoked'

/**
 * The client a presented token stands for, its use counted (useCount, lastUsedAt), or why it is
 * refused. Looked up in the database on every request, unlike kiosk tokens: a revocation takes
 * effect at once in every process, and the count is exact.
 */
export async function authenticateApiToken(token: string, now = new Date()): Promise<ApiClient | { refused: TokenRefusal }> {
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, provinceId: true, expiresAt: true, revokedAt: true },
  })
  if (!found) return { refused: 'api_token_unknown' }
  if (found.revokedAt) return { refused: 'api_token_revoked' }
  if (found.expiresAt <= now) return { refused: 'api_token_expired' }
  await prisma.apiToken.update({
    where: { id: found.id },
    data: { useCount: { increment: 1 }, lastUsedAt: now },
    select: { id: true },
  })
  return { tokenId: found.id, provinceId: found.provinceId }
}
