/*
 * What the cluster scripts share: a free loopback port, a scratch folder PostgreSQL may write
 * to, running a PostgreSQL binary as the `postgres` user when we are root, and waiting for a
 * child process to answer.
 */
import { type ChildProcess, execFile, spawn, type SpawnOptions } from 'node:child_process'
import { chownSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin'
const isRoot = process.getuid?.() === 0

/** A free TCP port on 127.0.0.1 (free when asked; taken by whoever binds it next). */
export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await new Promise((resolve) => probe.once('listening', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/** A fresh folder under the temporary directory that the postgres user owns when we are root. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`))
  if (isRoot) chownSync(dir, postgresUid(), postgresGid())
  return dir
}

let ids: { uid: number; gid: number } | undefined
function postgresIds() {
  if (!ids) {
    const line = (readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:')) ?? '').split(':')
    if (line.length < 4) throw new Error('There is no postgres user: install the postgresql package.')
    ids = { uid: Number(line[2]), gid: Number(line[3]) }
  }
  return ids
}
const postgresUid = () => postgresIds().uid
const postgresGid = () => postgresIds().gid

/** The command line that runs a PostgreSQL binary as its owner: as root, through runuser. */
export function asPostgres(binary: string, args: readonly string[]): [string, string[]] {
  const path = binary.startsWith('/') ? binary : join(PG_BIN, binary)
  return isRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]]
}

/** Runs a PostgreSQL tool to completion; its output in the error when it fails. */
export async function runPostgresTool(binary: string, args: readonly string[]): Promise<string> {
  const [command, argv] = asPostgres(binary, args)
  try {
    const { stdout } = await execFileAsync(command, argv, { maxBuffer: 16 * 1024 * 1024 })
    return stdout
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string }
    throw new Error(`${binary} ${args.join(' ')} failed:\n${stderr ?? ''}${stdout ?? ''}`)
  }
}

/** Starts a long-running child that this process kills when it exits. */
export function spawnOwned(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, [...args], { stdio: ['ignore', 'ignore', 'inherit'], ...options })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  child.once('exit', () => process.off('exit', killOnExit))
  return child
}

/** Resolves when `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** Polls `probe` every 100 ms until it is true; fails after `timeoutMs` or when `child` exits. */
export async function waitFor(what: string, probe: () => Promise<boolean>, { timeoutMs = 30_000, child }: { timeoutMs?: number; child?: ChildProcess } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) throw new Error(`${what}: the process exited`)
    if (await probe().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`)
}

/** User and system CPU of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}
