import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'
import { buildKioskServiceWorker } from './scripts/kiosk-service-worker'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  // The manifest tells the kiosk's service worker which files are its app shell (scripts/kiosk-service-worker.ts).
  build: { target: 'es2020', manifest: true },
  // NOTE: Vite's dependency scan follows route modules into *.server.ts files and would bundle
  // argon2 (a native module, never sent to the browser) for the browser, which fails under
  // `npm run dev` and leaves pages unhydrated.
  optimizeDeps: { exclude: ['@node-rs/argon2'] },
  plugins: [
    remix({
      ignoredRouteFiles: ['**/*.test.ts', '**/*.test.tsx', '**/.*'],
      buildEnd: buildKioskServiceWorker,
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
})
