import { useEffect, useState, useSyncExternalStore } from 'react'
import { type DeviceState, KioskDevice } from './kiosk-device'

/** The build's version (Remix's manifest hash), reported by the heartbeat. */
function appVersion(): string {
  return (window as Window & { __remixManifest?: { version?: string } }).__remixManifest?.version ?? 'dev'
}

/** The device, once its IndexedDB is open (null before that, and on the server). */
export function useKioskDevice(): KioskDevice | null {
  const [device, setDevice] = useState<KioskDevice | null>(null)
  useEffect(() => {
    let cancelled = false
    let opened: KioskDevice | null = null
    void KioskDevice.open(appVersion()).then((kioskDevice) => {
      if (cancelled) return kioskDevice.stop()
      opened = kioskDevice
      setDevice(kioskDevice)
    })
    return () => {
      cancelled = true
      opened?.stop()
    }
  }, [])
  return device
}

const noSubscription = () => () => {}

export function useDeviceState(device: KioskDevice | null): DeviceState | null {
  return useSyncExternalStore(
    device?.subscribe ?? noSubscription,
    () => device?.getState() ?? null,
    () => null,
  )
}

const subscribeToNetwork = (listener: () => void) => {
  window.addEventListener('online', listener)
  window.addEventListener('offline', listener)
  return () => {
    window.removeEventListener('online', listener)
    window.removeEventListener('offline', listener)
  }
}

/** navigator.onLine, kept current. */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeToNetwork,
    () => navigator.onLine,
    () => true,
  )
}
