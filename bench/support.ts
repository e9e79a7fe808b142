/*
 * What every benchmark needs: a database of its own on a real PostgreSQL server, and the built
 * production server started as a child process against it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer as createNetServer } from 'node:net'
import pg from 'pg'

export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5439/postgres'

/**
 * DATABASE_URL when set (used as is), otherwise a fresh database on BENCH_DATABASE_URL, dropped
 * by `drop()` unless BENCH_KEEP is set. Sets DATABASE_URL, which app modules read when loaded.
 */
export async function benchDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => {} }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(BENCH_SERVER_URL)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  return {
    url: url.toString(),
    drop: async () => {
      if (process.env.BENCH_KEEP) console.log(`Kept database ${name}`)
      else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

export type BenchServer = { origin: string; process: ChildProcess; cpuMs(): number; stop(): Promise<void> }

/** The built production server (`npm run build` first) on a free loopback port. */
export async function startProductionServer(databaseUrl: string): Promise<BenchServer> {
  const port = await freePort()
  const child = spawn(process.execPath, ['build/server.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(24).toString('hex'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  // Should the bench fail, the server goes with it (it would otherwise keep the port and the terminal).
  process.once('exit', () => child.kill('SIGTERM'))
  const origin = `http://127.0.0.1:${port}`
  await waitUntilServing(child, `${origin}/healthz`)
  return {
    origin,
    process: child,
    cpuMs: () => childCpuMs(child.pid!),
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => probe.once('listening', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function waitUntilServing(child: ChildProcess, url: string) {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error('The server exited; has the app been built (npm run build)?')
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`The server did not answer ${url} within 30 s`)
}

/** User and system CPU of a child process so far (Linux /proc; clock ticks of 10 ms). */
function childCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}
