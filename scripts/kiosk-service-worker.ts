import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { VitePluginConfig } from '@remix-run/dev'
import { build, type Manifest } from 'vite'
import { LANGUAGES } from '../app/i18n/config'
import { KIOSK_NAMESPACES, KIOSK_PATH, KIOSK_SERVICE_WORKER_FILE } from '../app/kiosk-app/kiosk-shell'
import { kioskShellFiles } from './kiosk-shell-files'

/*
 * Writes the kiosk's service worker (app/kiosk-app/service-worker.ts) into the client build, with
 * the list of this build's app-shell files to precache (docs/decisions/019-kiosk.md). Runs as the
 * Remix plugin's `buildEnd` hook (vite.config.ts), once the client build, its Vite manifest
 * (`build.manifest: true`) and the Remix browser manifest exist, so `remix vite:build` alone
 * gives a complete build.
 *
 * Workbox's runtime modules do the caching; the list is made here rather than by workbox-build
 * (or vite-plugin-pwa, which wraps it), whose glob patterns can't tell the kiosk's chunks from
 * the rest of the app, and which would bring Babel and a Rollup of its own into the build.
 */

type BuildEndArgs = Parameters<NonNullable<VitePluginConfig['buildEnd']>>[0]
type PrecacheEntry = { url: string; revision: string | null }

export async function buildKioskServiceWorker({ remixConfig, viteConfig }: BuildEndArgs): Promise<void> {
  const root = viteConfig.root
  const clientDir = path.join(remixConfig.buildDirectory, 'client')
  const manifestFile = path.join(remixConfig.buildDirectory, '.vite', 'client-manifest.json')
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as Manifest
  const app = path.relative(root, remixConfig.appDirectory)
  const files = kioskShellFiles(manifest, {
    entries: [`${app}/entry.client.tsx`, `${app}/root.tsx`, `${app}/routes/kiosk/route.tsx`],
    languages: LANGUAGES,
    namespaces: ['common', ...KIOSK_NAMESPACES],
  })
  // The Remix browser manifest (window.__remixManifest) is written after the Vite build, outside its manifest.
  const remixManifests = (await readdir(path.join(clientDir, 'assets'))).filter((name) => /^manifest-[\w-]+\.js$/.test(name))
  if (remixManifests.length !== 1) throw new Error(`Expected one Remix browser manifest, found ${remixManifests.length}`)

  // Fingerprinted files need no revision; the document's changes whenever any of them does.
  const assets: PrecacheEntry[] = [...files, `assets/${remixManifests[0]}`].map((file) => ({
    url: `${remixConfig.publicPath}${file}`,
    revision: null,
  }))
  const revision = createHash('sha256').update(JSON.stringify(assets)).digest('hex').slice(0, 16)
  const precache: PrecacheEntry[] = [{ url: KIOSK_PATH, revision }, ...assets]

  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    define: {
      KIOSK_PRECACHE_MANIFEST: JSON.stringify(precache),
      // Workbox logs every step unless built for production.
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      outDir: clientDir,
      emptyOutDir: false,
      target: 'es2020',
      modulePreload: false,
      rollupOptions: {
        input: path.join(root, 'app/kiosk-app/service-worker.ts'),
        output: { format: 'iife', entryFileNames: KIOSK_SERVICE_WORKER_FILE },
      },
    },
  })
  console.log(`kiosk service worker: ${KIOSK_SERVICE_WORKER_FILE}, ${precache.length} files precached`)
}
