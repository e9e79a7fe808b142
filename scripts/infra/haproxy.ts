/*
 * HAProxy (Debian's package) in front of several app servers, as the production topology puts
 * it (docs/operations.md): round robin, a health check on /healthz every 500 ms, a server taken
 * out after three failed checks. A check may take 5 s: a saturated server answers /healthz behind
 * its queue of submissions, and a 2 s check took both servers out under load, leaving HAProxy
 * nothing to send to; a dead server refuses the connection at once, so it still goes in ~1.5 s. A request whose connection to a server fails before it was sent
 * goes to another server (`retry-on conn-failure`, `option redispatch`); one that was sent and
 * lost with its server is the client's to retry, which the submission contract makes safe.
 */
import { type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { exited, freePort, scratchDir, spawnOwned, waitFor } from './processes'

export type Balancer = {
  readonly origin: string
  readonly port: number
  /** HAProxy's own process (its CPU is read by the benchmarks). */
  readonly process: ChildProcess
  stop(): Promise<void>
}

export function haproxyConfig(port: number, backends: readonly { name: string; origin: string }[]): string {
  const servers = backends.map(({ name, origin }) => {
    const { hostname, port: backendPort } = new URL(origin)
    return `  server ${name} ${hostname.replace(/^\[|\]$/g, '')}:${backendPort} check inter 500ms fall 3 rise 2`
  })
  return [
    'global',
    '  maxconn 4000',
    '',
    'defaults',
    '  mode http',
    '  option http-keep-alive',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout check 5s',
    '  timeout http-keep-alive 60s',
    '  retries 2',
    '  retry-on conn-failure',
    '  option redispatch',
    '',
    'frontend www',
    `  bind 127.0.0.1:${port}`,
    // The app reads the client's address from X-Forwarded-For when it trusts the proxy.
    '  option forwardfor',
    '  default_backend app',
    '',
    'backend app',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    '  http-check expect status 200',
    // Which server answered, for tests that check the balancer reaches each one.
    '  http-response set-header X-Served-By %[srv_name]',
    ...servers,
    '',
  ].join('\n')
}

export async function startHaproxy(backends: readonly { name: string; origin: string }[]): Promise<Balancer> {
  const port = await freePort()
  const dir = scratchDir('sipas-haproxy')
  const configFile = join(dir, 'haproxy.cfg')
  writeFileSync(configFile, haproxyConfig(port, backends))
  // -db: stay in the foreground, so the PID we hold is HAProxy's and the child dies with us.
  const child = spawnOwned(process.env.HAPROXY ?? '/usr/sbin/haproxy', ['-db', '-f', configFile])
  const origin = `http://127.0.0.1:${port}`
  await waitFor('HAProxy', async () => (await fetch(`${origin}/healthz`)).ok, { child })
  return {
    origin,
    port,
    process: child,
    async stop() {
      child.kill('SIGTERM')
      await exited(child)
    },
  }
}
