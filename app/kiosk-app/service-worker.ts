import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching'

/*
 * The kiosk's service worker (docs/decisions/019-kiosk.md, "Offline start"). It precaches the
 * app shell — the /kiosk document, the scripts and styles it loads, the kiosk's translations in
 * both languages — and serves it from the cache, so the kiosk starts with no network after a
 * reload or a browser restart. The config and the answers live in IndexedDB (kiosk-db.ts), not
 * here. Everything else (the API) goes to the network untouched.
 *
 * Built by scripts/kiosk-service-worker.ts after the Remix build, which replaces
 * KIOSK_PRECACHE_MANIFEST with the list of this build's shell files. A new build means a new
 * list, hence a new worker: it takes over at once and the page reloads between respondents
 * (register-service-worker.ts).
 *
 * NOTE: the cached document carries the CSP nonce of the response it came from, together with
 * that response's CSP header; a nonce replayed this way admits only the scripts of that same
 * document, which renders no server-side content about anyone.
 */

declare const KIOSK_PRECACHE_MANIFEST: PrecacheEntry[]
// The worker's global scope, as far as this file uses it (the project compiles against the DOM library).
declare const self: { skipWaiting(): Promise<void>; addEventListener(type: 'install', listener: () => void): void }

self.addEventListener('install', () => void self.skipWaiting())
clientsClaim()
cleanupOutdatedCaches()
// `?lng=` picks the page's language; the cached document serves every language (the kiosk switches in the page).
precacheAndRoute(KIOSK_PRECACHE_MANIFEST, { ignoreURLParametersMatching: [/^utm_/, /^lng$/] })
