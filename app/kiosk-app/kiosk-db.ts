import { type DBSchema, type IDBPDatabase, openDB } from 'idb'
import type { Enrolment, KioskConfig } from './kiosk-config'
import type { PinLockout } from './pin'
import type { QueuedResponse, RefusedResponse } from './queue'

/*
 * Everything the kiosk keeps lives in one IndexedDB database, which survives reloads, browser
 * restarts and days without network: the credential, the last config, the queue of completed
 * responses and the responses the server refused. The token never leaves it except as the
 * X-Kiosk-Token header (docs/decisions/019-kiosk.md).
 */

const KIOSK_DB_NAME = 'sipas-kiosk'
const KIOSK_DB_VERSION = 1

/** The small values, one record each under its name. */
export type Settings = {
  enrolment: Enrolment
  config: KioskConfig
  /** Set by a 401/403 from the server, cleared by the next enrolment. */
  revoked: { at: string; status: number }
  /** For the minimum interval between two responses. */
  lastCompletedAt: string
  lastSyncAt: string
  pinLockout: PinLockout
}

interface KioskSchema extends DBSchema {
  settings: { key: keyof Settings; value: Settings[keyof Settings] }
  /** Completed responses not yet acknowledged, keyed by an increasing number: completion order. */
  queue: { key: number; value: QueuedResponse; indexes: { responseId: string } }
  refused: { key: string; value: RefusedResponse }
}

export type KioskDb = IDBPDatabase<KioskSchema>

export function openKioskDb(name = KIOSK_DB_NAME): Promise<KioskDb> {
  return openDB<KioskSchema>(name, KIOSK_DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('settings')
      const queue = db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true })
      queue.createIndex('responseId', 'envelope.id', { unique: true })
      db.createObjectStore('refused', { keyPath: 'responseId' })
    },
  })
}

export async function getSetting<K extends keyof Settings>(db: KioskDb, key: K): Promise<Settings[K] | undefined> {
  return (await db.get('settings', key)) as Settings[K] | undefined
}

export async function setSetting<K extends keyof Settings>(db: KioskDb, key: K, value: Settings[K]): Promise<void> {
  await db.put('settings', value, key)
}

export async function deleteSetting(db: KioskDb, key: keyof Settings): Promise<void> {
  await db.delete('settings', key)
}
