/*
 * The built production server (`npm run build` first: build/server.js) as a child process on a
 * loopback port, for the fault tests, the two-server tests and the benchmarks.
 */
import { type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { exited, freePort, processCpuMs, spawnOwned, waitFor } from './processes'

export type AppServer = {
  readonly origin: string
  readonly port: number
  readonly process: ChildProcess
  /** CPU the server has used so far, in ms. */
  cpuMs(): number
  /** SIGTERM, then waits for the exit (the server finishes its writes and closes the pool). */
  stop(): Promise<void>
  /** SIGKILL: a crash, nothing finished. */
  kill(): Promise<void>
}

/** Shared by every server of one run, as the deployment shares it (sessions are signed with it). */
const SESSION_SECRET = randomBytes(24).toString('hex')

export type AppServerOptions = {
  databaseUrl: string
  /** More environment for the server (DATABASE_REPLICA_URL, pool sizes, …). */
  env?: Record<string, string>
  port?: number
  /** `healthz` (default): wait until the process answers; `none`: return at once (it may be unable to start). */
  waitUntil?: 'healthz' | 'none'
  /** Where the server's stderr goes (default: this process's). */
  stderr?: 'inherit' | 'ignore'
  /** How long to wait for /healthz (default 60 s: loading the build takes seconds, more on a busy machine). */
  startTimeoutMs?: number
}

export async function startAppServer({ databaseUrl, env = {}, port, waitUntil = 'healthz', stderr = 'inherit', startTimeoutMs = 60_000 }: AppServerOptions): Promise<AppServer> {
  const listenOn = port ?? (await freePort())
  const child = spawnOwned(process.execPath, ['build/server.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(listenOn),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SESSION_SECRET,
      ...env,
    },
    stdio: ['ignore', 'ignore', stderr],
  })
  const origin = `http://127.0.0.1:${listenOn}`
  if (waitUntil === 'healthz') {
    await waitFor(`the app server on port ${listenOn} (has the app been built? npm run build)`, async () => (await fetch(`${origin}/healthz`)).ok, {
      child,
      timeoutMs: startTimeoutMs,
    })
  }
  return {
    origin,
    port: listenOn,
    process: child,
    cpuMs: () => processCpuMs(child.pid!),
    async stop() {
      child.kill('SIGTERM')
      await exited(child)
    },
    async kill() {
      child.kill('SIGKILL')
      await exited(child)
    },
  }
}
