import { PGlite } from '@electric-sql/pglite'
import { PrismaPg } from '@prisma/adapter-pg'
import type { PoolConfig } from 'pg'
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils'
import { PrismaPGlite } from 'pglite-prisma-adapter'

/**
 * pglite-prisma-adapter 0.7.2 does not await `exec` in `executeScript`, so a failing migration
 * would be recorded as applied; and its shadow database is never closed. This factory fixes both.
 */
class AwaitingPGliteFactory extends PrismaPGlite {
  private shadow: PGlite | undefined

  constructor(private readonly pglite: PGlite) {
    super(pglite)
  }

  override async connect(): Promise<SqlDriverAdapter> {
    return awaitScripts(await super.connect(), this.pglite)
  }

  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    this.shadow = new PGlite('memory://')
    const adapter = await new PrismaPGlite(this.shadow).connect()
    const shadow = this.shadow
    const fixed = awaitScripts(adapter, shadow)
    fixed.dispose = async () => {
      await shadow.close()
    }
    return fixed
  }
}

function awaitScripts(adapter: SqlDriverAdapter, client: PGlite): SqlDriverAdapter {
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter)
  adapter.executeScript = async (script: string) => {
    try {
      await client.exec(script)
    } catch (error) {
      onError(error)
    }
  }
  return adapter
}

export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return new AwaitingPGliteFactory(pglite)
}

/**
 * How long a query waits for a connection of an exhausted pool, and a statement for a lock held
 * by someone else, before it fails; the server then answers 503 with Retry-After (server/remix.ts,
 * the submission contract's own deadline is shorter). Without them pg waits for ever: a stuck
 * transaction elsewhere would hang every page behind it.
 */
export const POOL_ACQUIRE_TIMEOUT_MS = 5_000
export const LOCK_TIMEOUT_MS = 3_000

/** `pool`: further pg.Pool settings (the replica's short connection timeout, ADR 024). */
export function postgresAdapterFactory(connectionString: string, max = 10, pool: Omit<PoolConfig, 'connectionString' | 'max'> = {}) {
  return new PrismaPg({
    connectionTimeoutMillis: POOL_ACQUIRE_TIMEOUT_MS,
    lock_timeout: LOCK_TIMEOUT_MS,
    ...pool,
    connectionString,
    max,
  })
}
