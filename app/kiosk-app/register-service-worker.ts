import { KIOSK_PATH, KIOSK_SERVICE_WORKER_FILE } from './kiosk-shell'

/**
 * Registers the kiosk's service worker (service-worker.ts), which keeps the app shell for
 * offline starts. Only the kiosk registers it, for its own path. `onUpdate` runs when a new
 * build's worker takes over from an older one: the page should reload between respondents.
 */
export function registerKioskServiceWorker(onUpdate: () => void): void {
  // The development server builds no service worker.
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return
  const hadController = navigator.serviceWorker.controller !== null
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController) onUpdate()
  })
  navigator.serviceWorker.register(`/${KIOSK_SERVICE_WORKER_FILE}`, { scope: KIOSK_PATH }).catch((error: unknown) => {
    console.error('The kiosk service worker could not be registered', error)
  })
}
