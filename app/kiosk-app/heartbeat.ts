import type { Heartbeat } from './kiosk-api'
import { getSetting, type KioskDb } from './kiosk-db'
import { queueSummary, refusedResponses } from './queue'

/** What the kiosk tells the server about itself (docs/decisions/019-kiosk.md), from what it keeps. */
export async function collectHeartbeat(
  db: KioskDb,
  device: { appVersion: string; online: boolean; battery: Heartbeat['battery'] },
): Promise<Heartbeat> {
  const [queue, lastSyncAt, refused] = await Promise.all([queueSummary(db), getSetting(db, 'lastSyncAt'), refusedResponses(db)])
  return {
    appVersion: device.appVersion,
    queueLength: queue.length,
    oldestQueuedAt: queue.oldestCompletedAt,
    lastSyncAt: lastSyncAt ?? null,
    online: device.online,
    battery: device.battery,
    refused,
  }
}

type BatteryManager = { level: number; charging: boolean }

/** The battery, where the browser tells (Chromium does, through navigator.getBattery). */
export async function batteryStatus(): Promise<Heartbeat['battery']> {
  const getBattery = (navigator as Navigator & { getBattery?: () => Promise<BatteryManager> }).getBattery
  if (!getBattery) return null
  try {
    const battery = await getBattery.call(navigator)
    return { level: battery.level, charging: battery.charging }
  } catch {
    return null
  }
}
