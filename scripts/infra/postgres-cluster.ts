/*
 * Throwaway PostgreSQL 15 clusters from Debian's packages, for the fault tests, the replica test,
 * the restore drill and the benchmarks: initdb into a scratch folder, a loopback port of their
 * own, stopped by pg_ctl (immediately when a test wants a crash), removed afterwards.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { freePort, runPostgresTool, scratchDir, waitFor } from './processes'

export type Settings = Record<string, string | number | boolean>

export type Cluster = {
  /** The data directory (owned by postgres). */
  readonly dataDir: string
  readonly port: number
  /** postgres://postgres@127.0.0.1:<port>/<database> (trust authentication on loopback). */
  url(database?: string): string
  start(): Promise<void>
  /** `pg_ctl stop -m <mode>`: `immediate` is a crash (no checkpoint; recovery at the next start). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>
  /** Whether the server accepts connections now. */
  isReady(): Promise<boolean>
  /** One statement on a short-lived connection. */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[], database?: string): Promise<Row[]>
  /** Stops the server (immediately) and deletes its folder. */
  dispose(): Promise<void>
}

/** Small, fast, crash-safe settings for a test cluster; callers add their own. */
const BASE_SETTINGS: Settings = {
  listen_addresses: '127.0.0.1',
  max_connections: 200,
  shared_buffers: '128MB',
  // Every cluster here is thrown away after the run, but the fault tests must see real crash
  // recovery, so fsync stays on unless a caller turns it off.
  synchronous_commit: 'on',
  log_min_messages: 'warning',
}

/** initdb a new cluster in a scratch folder and start it on a free port. */
export async function createCluster({ settings = {}, name = 'sipas-pg' }: { settings?: Settings; name?: string } = {}): Promise<Cluster> {
  const root = scratchDir(name)
  const dataDir = join(root, 'data')
  await runPostgresTool('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-instructions', '-E', 'UTF8'])
  const cluster = clusterAt(dataDir, { port: await freePort(), settings, root })
  await cluster.start()
  return cluster
}

/**
 * A hot standby of `primary`, made with pg_basebackup (-R writes primary_conninfo and
 * standby.signal) and started on its own port, streaming from the primary.
 */
export async function createStandby(primary: Cluster, { settings = {} }: { settings?: Settings } = {}): Promise<Cluster> {
  const root = scratchDir('sipas-pg-standby')
  const dataDir = join(root, 'data')
  await runPostgresTool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast'])
  const standby = clusterAt(dataDir, { port: await freePort(), settings: { hot_standby: 'on', ...settings }, root })
  await standby.start()
  return standby
}

/**
 * A cluster object for an existing data directory (a restored base backup, say); not started.
 * `root` is the folder dispose() deletes (default: the data directory itself).
 */
export function clusterAt(dataDir: string, { port, settings = {}, root = dataDir }: { port: number; settings?: Settings; root?: string }): Cluster {
  const all = { ...BASE_SETTINGS, ...settings, port, unix_socket_directories: root }
  const options = Object.entries(all)
    .map(([key, value]) => `-c ${key}=${quoteSetting(String(value))}`)
    .join(' ')
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`
  const isReady = async () => {
    const client = new pg.Client({ connectionString: url(), connectionTimeoutMillis: 1_000 })
    try {
      await client.connect()
      await client.query('SELECT 1')
      return true
    } catch {
      return false
    } finally {
      await client.end().catch(() => {})
    }
  }
  const logFile = join(root, `postgres-${port}.log`)
  const cluster: Cluster = {
    dataDir,
    port,
    url,
    isReady,
    async start() {
      // -w waits for the start-up, including crash recovery after an immediate stop.
      await runPostgresTool('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '120', 'start'])
      await waitFor(`PostgreSQL on port ${port}`, isReady)
    },
    async stop(mode = 'fast') {
      await runPostgresTool('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop'])
    },
    async query(sql, values, database) {
      const client = new pg.Client({ connectionString: url(database) })
      await client.connect()
      try {
        return (await client.query(sql, values)).rows
      } finally {
        await client.end()
      }
    },
    async dispose() {
      await runPostgresTool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {})
      rmSync(root, { recursive: true, force: true })
    },
  }
  return cluster
}

/** A value inside pg_ctl's -o string, which pg_ctl hands to /bin/sh: shell quoting. */
function quoteSetting(value: string): string {
  return /^[\w./:-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}
