import { batteryStatus, collectHeartbeat } from './heartbeat'
import { enrolDevice, fetchKioskConfig, sendHeartbeat } from './kiosk-api'
import type { Enrolment, KioskConfig } from './kiosk-config'
import { deleteSetting, getSetting, openKioskDb, setSetting, type KioskDb } from './kiosk-db'
import { lockedForMs, lockoutAfterFailure, verifyPin } from './pin'
import { enqueueResponse, type KioskEnvelope, queueSummary, type QueueSummary, refusedResponses, type RefusedResponse } from './queue'
import { sendQueue } from './sync'
import { SyncLoop } from './sync-loop'

/*
 * The device side of a kiosk: what it keeps (kiosk-db.ts), its credential, its config, its queue
 * and the loop that sends it. The screens read a snapshot (`getState`, for React's
 * useSyncExternalStore) and call the methods; the token stays inside this object.
 */

/** Until a config says otherwise. */
const DEFAULT_HEARTBEAT_SECONDS = 300

export type DevicePhase =
  /** No credential: the enrolment screen. */
  | 'unenrolled'
  /** The server answered 401/403: collecting stops, the queue stays (docs/decisions/019-kiosk.md). */
  | 'revoked'
  /** Enrolled, but no campaign runs at the service point today. */
  | 'noCampaign'
  /** Enrolled, no config yet (first start without network). */
  | 'noConfig'
  | 'ready'

export type DeviceState = {
  phase: DevicePhase
  kiosk: Enrolment['kiosk'] | null
  config: KioskConfig | null
  queue: QueueSummary
  refused: RefusedResponse[]
  lastSyncAt: string | null
  lastCompletedAt: string | null
}

export type EnrolResult = { ok: true } | { ok: false; code: string; message: string }
export type PinResult = { ok: true } | { ok: false; lockedForMs: number }

export class KioskDevice {
  private listeners = new Set<() => void>()
  private token: string | null = null
  private enrolment: Enrolment | null = null
  private loop: SyncLoop | null = null
  private state: DeviceState = {
    phase: 'unenrolled',
    kiosk: null,
    config: null,
    queue: { length: 0, oldestCompletedAt: null },
    refused: [],
    lastSyncAt: null,
    lastCompletedAt: null,
  }

  private constructor(
    private readonly db: KioskDb,
    private readonly appVersion: string,
  ) {}

  /** Opens the device's storage and starts sending what it holds. */
  static async open(appVersion: string, dbName?: string): Promise<KioskDevice> {
    const device = new KioskDevice(await openKioskDb(dbName), appVersion)
    await device.load()
    return device
  }

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  readonly getState = () => this.state

  private update(changes: Partial<DeviceState>) {
    this.state = { ...this.state, ...changes }
    for (const listener of this.listeners) listener()
  }

  private async load() {
    const [enrolment, config, revoked, lastCompletedAt] = await Promise.all([
      getSetting(this.db, 'enrolment'),
      getSetting(this.db, 'config'),
      getSetting(this.db, 'revoked'),
      getSetting(this.db, 'lastCompletedAt'),
    ])
    await this.refreshQueue()
    this.enrolment = enrolment ?? null
    this.token = enrolment?.token ?? null
    const phase: DevicePhase = !enrolment ? 'unenrolled' : revoked ? 'revoked' : config ? 'ready' : 'noConfig'
    this.update({ phase, kiosk: enrolment?.kiosk ?? null, config: config ?? null, lastCompletedAt: lastCompletedAt ?? null })
    if (phase === 'ready' || phase === 'noConfig') this.startSending()
  }

  /** Exchanges a one-time code for the credential; throws when the server can't be reached. */
  async enrol(code: string, language: string): Promise<EnrolResult> {
    const answer = await enrolDevice(code, language)
    if (!answer.ok) return { ok: false, code: answer.error.code, message: answer.error.message }
    const enrolment = answer.body
    await setSetting(this.db, 'enrolment', enrolment)
    await deleteSetting(this.db, 'revoked')
    await deleteSetting(this.db, 'config')
    this.enrolment = enrolment
    this.token = enrolment.token
    this.update({ phase: 'noConfig', kiosk: enrolment.kiosk, config: null })
    await this.refreshConfig()
    this.startSending()
    return { ok: true }
  }

  /** Fetches the config; offline or on a server error the one kept is used. */
  async refreshConfig(): Promise<void> {
    const token = this.token
    if (!token) return
    const answer = await fetchKioskConfig(token).catch(() => null)
    if (!answer || token !== this.token) return
    if (answer.ok) {
      await setSetting(this.db, 'config', answer.body)
      if (this.state.phase !== 'revoked') this.update({ phase: 'ready', config: answer.body })
    } else if (answer.status === 401 || answer.status === 403) {
      await this.markRevoked(answer.status)
    } else if (answer.status === 404 && answer.error.code === 'no_campaign') {
      await deleteSetting(this.db, 'config')
      this.update({ phase: 'noCampaign', config: null })
    }
  }

  /** Stores a completed response (before "thank you" is shown) and sends it when it can. */
  async complete(envelope: KioskEnvelope): Promise<void> {
    await enqueueResponse(this.db, envelope)
    this.update({ lastCompletedAt: envelope.completedAt })
    await this.refreshQueue()
    this.loop?.kick()
  }

  syncNow() {
    this.loop?.kick()
  }

  /** Forgets the credential and the config, to enrol again; queued responses stay and are sent after. */
  async forgetEnrolment(): Promise<void> {
    this.loop?.stop()
    this.loop = null
    await Promise.all([deleteSetting(this.db, 'enrolment'), deleteSetting(this.db, 'config'), deleteSetting(this.db, 'revoked')])
    this.enrolment = null
    this.token = null
    this.update({ phase: 'unenrolled', kiosk: null, config: null })
  }

  /** Checks the administrator PIN, counting wrong ones (the lockout survives a reload). */
  async checkPin(pin: string, now = Date.now()): Promise<PinResult> {
    const lockout = await getSetting(this.db, 'pinLockout')
    const locked = lockedForMs(lockout, now)
    if (locked > 0) return { ok: false, lockedForMs: locked }
    if (this.enrolment && (await verifyPin(pin, this.enrolment.pin))) {
      await deleteSetting(this.db, 'pinLockout')
      return { ok: true }
    }
    const next = lockoutAfterFailure(lockout, now)
    await setSetting(this.db, 'pinLockout', next)
    return { ok: false, lockedForMs: lockedForMs(next, now) }
  }

  readonly pinLockedForMs = async (now = Date.now()): Promise<number> => lockedForMs(await getSetting(this.db, 'pinLockout'), now)

  stop() {
    this.loop?.stop()
    this.db.close()
  }

  async refreshQueue(): Promise<void> {
    const [queue, refused, lastSyncAt] = await Promise.all([
      queueSummary(this.db),
      refusedResponses(this.db),
      getSetting(this.db, 'lastSyncAt'),
    ])
    this.update({ queue, refused, lastSyncAt: lastSyncAt ?? null })
  }

  private startSending() {
    this.loop?.stop()
    const loop = new SyncLoop({
      sendRound: () => (this.token ? sendQueue(this.db, this.token) : Promise.resolve(null)),
      heartbeat: () => this.heartbeat(),
      heartbeatIntervalMs: () => (this.state.config?.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS) * 1000,
      onRevoked: () => void this.markRevoked(),
      onRound: () => void this.refreshQueue(),
    })
    this.loop = loop
    loop.start()
  }

  /** Resolves false when the server no longer knows the device. */
  private async heartbeat(): Promise<boolean> {
    const token = this.token
    if (!token) return true
    const heartbeat = await collectHeartbeat(this.db, {
      appVersion: this.appVersion,
      online: navigator.onLine,
      battery: await batteryStatus(),
    })
    const answer = await sendHeartbeat(token, heartbeat)
    if (answer.status === 401 || answer.status === 403) return false
    // A new version was published (or the campaign changed): the next respondent gets it.
    if (answer.ok && answer.body.versionId !== (this.state.config?.version.id ?? null)) await this.refreshConfig()
    return true
  }

  private async markRevoked(status = 403) {
    this.loop?.stop()
    this.loop = null
    if (!(await getSetting(this.db, 'revoked'))) await setSetting(this.db, 'revoked', { at: new Date().toISOString(), status })
    await this.refreshQueue()
    this.update({ phase: 'revoked' })
  }
}
