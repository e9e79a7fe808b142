/*
 * What makes up the kiosk's app shell, shared by the page (register-service-worker.ts), its route
 * and the build step that writes the service worker (scripts/kiosk-service-worker.ts).
 */

/** The service worker, at the root of the client build. */
export const KIOSK_SERVICE_WORKER_FILE = 'kiosk-sw.js'
/** The kiosk's address, and the service worker's scope. */
export const KIOSK_PATH = '/kiosk'
/** The i18n namespaces the kiosk speaks besides `common`; precached in both languages. */
export const KIOSK_NAMESPACES = ['kiosk', 'survey']
