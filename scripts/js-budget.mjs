// The JavaScript a public page costs a phone: the gzip size of every module the page loads at
// start (Remix's client entry, the root route and the page's route, with their imports), read
// from the build's route manifest after `npx remix vite:build`. Fails above the budget.
//   node scripts/js-budget.mjs [route id, default routes/s.$code]
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

/** Issue 5: the public survey page must load under 100 KB of gzipped JavaScript. */
export const JS_BUDGET_BYTES = 100 * 1024
export const SURVEY_ROUTE_ID = 'routes/s.$code'

const CLIENT_DIR = 'build/client'

/** The Remix manifest the browser gets (`window.__remixManifest = {…}`). */
function readRemixManifest(clientDir) {
  const file = readdirSync(join(clientDir, 'assets')).find((name) => /^manifest-[\w-]+\.js$/.test(name))
  if (!file) throw new Error(`No Remix manifest in ${clientDir}/assets: run \`npx remix vite:build\` first.`)
  const text = readFileSync(join(clientDir, 'assets', file), 'utf8')
  return { url: `/assets/${file}`, manifest: JSON.parse(text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)) }
}

/** Every module URL the route's page loads at start, with its gzip size (zlib's default level, as the server sends it). */
export function measureRoute(routeId = SURVEY_ROUTE_ID, clientDir = CLIENT_DIR) {
  const { manifest } = readRemixManifest(clientDir)
  const route = manifest.routes[routeId]
  if (!route) throw new Error(`No route ${routeId} in the manifest`)
  const chain = []
  for (let id = routeId; id; id = manifest.routes[id]?.parentId) chain.unshift(manifest.routes[id])
  const urls = new Set([manifest.entry.module, ...manifest.entry.imports])
  for (const r of chain) for (const url of [r.module, ...(r.imports ?? [])]) urls.add(url)
  const modules = [...urls].map((url) => {
    const bytes = readFileSync(join(clientDir, url))
    return { url, bytes: bytes.length, gzip: gzipSync(bytes).length }
  })
  return { routeId, modules, gzip: modules.reduce((sum, m) => sum + m.gzip, 0) }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = measureRoute(process.argv[2] ?? SURVEY_ROUTE_ID)
  for (const m of [...report.modules].sort((a, b) => b.gzip - a.gzip)) {
    console.log(`${kb(m.gzip).padStart(9)} gzip ${kb(m.bytes).padStart(9)} raw  ${m.url}`)
  }
  const verdict = report.gzip <= JS_BUDGET_BYTES ? 'within' : 'OVER'
  console.log(`${report.routeId}: ${kb(report.gzip)} of gzipped JavaScript, ${verdict} the ${kb(JS_BUDGET_BYTES)} budget`)
  if (report.gzip > JS_BUDGET_BYTES) process.exit(1)
}
