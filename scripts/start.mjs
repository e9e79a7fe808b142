// `npm start`: installs what is missing, builds when sources changed, migrates and seeds the
// embedded database when empty, then serves the production build on http://localhost:3000.
import { execSync, spawn } from 'node:child_process'
import { existsSync, statSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const run = (command, env = {}) => execSync(command, { stdio: 'inherit', env: { ...process.env, ...env } })

if (!existsSync('node_modules/.package-lock.json') || newer('package-lock.json', 'node_modules/.package-lock.json')) {
  run('npm ci --ignore-scripts')
}
// Every time, not only after an install: node_modules may predate a patch (ADR 016).
run('npx --no-install patch-package --error-on-fail')
if (!existsSync('app/generated/prisma/client.ts') || newer('prisma/schema.prisma', 'app/generated/prisma/client.ts')) {
  run('node scripts/prisma.mjs generate')
}
if (!existsSync('build/server.js') || newestIn(['app', 'locales', 'public', 'server']) > statSync('build/server.js').mtimeMs) {
  run('npm run build')
}
run('npx vite-node --config vitest.config.ts scripts/migrate.ts')
run('npx vite-node --config vitest.config.ts scripts/seed.ts')

const env = { ...process.env, NODE_ENV: 'production', SESSION_SECRET: process.env.SESSION_SECRET ?? 'demo-only-session-secret-change-me' }
console.log('\nDemo logins (password sipas-demo-2026): bo.quantri@demo.sipas.vn (Ministry admin), bo.phantich@demo.sipas.vn (analyst),')
console.log('  tinh.quantri@demo.sipas.vn (province admin), coquan.lanhdao@demo.sipas.vn / coquan.xem@demo.sipas.vn (agency), nhapphieu@demo.sipas.vn (clerk)\n')
const server = spawn('node', ['build/server.js'], { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))

function newer(a, b) {
  return statSync(a).mtimeMs > statSync(b).mtimeMs
}
function newestIn(dirs) {
  let newest = 0
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else newest = Math.max(newest, statSync(path).mtimeMs)
    }
  }
  dirs.filter((d) => existsSync(d)).forEach(walk)
  return newest
}
