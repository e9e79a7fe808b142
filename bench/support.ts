/*
 * What every benchmark needs: a database of its own on a real PostgreSQL server, and what it
 * reads of the machine (load average, CPU of the processes taking part). The built production
 * server is started by scripts/infra/app-server.ts, as the fault tests start it.
 */
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
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

/** The 1-, 5- and 15-minute load averages (other work on this 2-core machine shows here). */
export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')
}

/** Linux /proc/<pid>/stat fields after the command name: [utime, stime, cutime, cstime] in ms. */
function cpuFields(pid: number | 'self'): [number, number, number, number] | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // Clock ticks of 10 ms (USER_HZ 100).
    return [fields[11], fields[12], fields[13], fields[14]].map((n) => Number(n) * 10) as [number, number, number, number]
  } catch {
    return null // gone meanwhile
  }
}

/**
 * CPU of this process's children that have exited and been waited for, in ms (cutime + cstime):
 * read before and after a child's run, the child's own CPU (wrk's, say).
 */
export function exitedChildrenCpuMs(): number {
  const [, , cutime, cstime] = cpuFields('self')!
  return cutime + cstime
}

/**
 * CPU of a PostgreSQL server so far, in ms: the postmaster, every process it runs now
 * (backends, writers) and those that have exited (counted in the postmaster's cutime).
 */
export function postgresCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0])
  const [utime, stime, cutime, cstime] = cpuFields(postmaster)!
  let total = utime + stime + cutime + cstime
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue
    }
    const fields = stat.split(') ')[1]!.split(' ')
    if (Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) * 10
  }
  return total
}

/** The machine's busy CPU so far (every core, every process), in ms, from /proc/stat. */
export function machineBusyCpuMs(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/)
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number)
  return (user! + nice! + system! + irq! + softirq! + steal!) * 10
}

/** Milliseconds `run` takes. */
export async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await run()
  return performance.now() - start
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}

/** A printer of `label   value` lines, labels padded to `width` so a bench's figures line up. */
export function linePrinter(width: number): (label: string, value: string) => void {
  return (label, value) => console.log(`${label.padEnd(width)} ${value}`)
}
