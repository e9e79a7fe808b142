import { z } from 'zod'

// Parsed once at start-up so a misconfiguration fails loudly with a clear message.
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** A PostgreSQL server; without it the embedded PGlite database in PGLITE_DIR is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// connection string')
    .optional(),
  /**
   * A hot standby of DATABASE_URL that figures, rankings, dashboards, exports and the read API
   * read from while it keeps up (docs/decisions/024-read-replica.md). Ignored without
   * DATABASE_URL: PGlite has no replicas.
   */
  DATABASE_REPLICA_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_REPLICA_URL must be a postgres:// connection string')
    .optional(),
  PGLITE_DIR: z.string().default('./data/pglite'),
  /**
   * Where finished exports wait for their download (ADR 020). Several app servers must share
   * it (a network volume): the server that ran a job may not be the one asked for the file.
   */
  EXPORT_DIR: z.string().default('./data/exports'),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Secret for signing cookies; a fixed development value is used only outside production. */
  SESSION_SECRET: z.string().min(16).optional(),
})

export type Env = z.infer<typeof EnvSchema>

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${problems.join('\n')}`)
  }
  return result.data
}

export const env = parseEnv(process.env)
