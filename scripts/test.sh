#!/usr/bin/env bash
# `npm test`: installs what the tests need, then runs every suite: typecheck, lint, unit,
# integration on PGlite and on a real PostgreSQL server, and the browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing dependencies"
  npm ci --ignore-scripts
fi
[ -f app/generated/prisma/client.ts ] && [ ! prisma/schema.prisma -nt app/generated/prisma/client.ts ] || node scripts/prisma.mjs generate

if [ ! -x /usr/bin/chromium ]; then
  step "Installing Debian's Chromium for the browser tests"
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  [ -x /usr/bin/chromium ] || { echo "Chromium is missing and could not be installed (run as root or install the 'chromium' package)." >&2; exit 1; }
fi

cleanup() { :; }
trap 'cleanup' EXIT
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  step "Starting a throwaway PostgreSQL cluster"
  command -v initdb >/dev/null || { echo "PostgreSQL server binaries (initdb, pg_ctl) are missing: install postgresql or set TEST_DATABASE_URL." >&2; exit 1; }
  PGTMP=$(mktemp -d /tmp/sipas-pg-XXXXXX)
  PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$PGTMP"; runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg initdb -D "$PGTMP/data" -A trust -U postgres >/dev/null
  as_pg pg_ctl -D "$PGTMP/data" -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1" -l "$PGTMP/log" -w start >/dev/null
  cleanup() { as_pg pg_ctl -D "$PGTMP/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGTMP"; }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
  export TEST_PG_DATA="$PGTMP/data"
fi

step "Typecheck"; npx tsc --noEmit
step "Lint"; npx eslint . --max-warnings 0
step "Unit tests"; npx vitest run --project unit
step "Integration tests on PGlite"; npx vitest run --project integration-pglite
step "Integration tests on PostgreSQL"; npx vitest run --project integration-postgres
step "Build"; npx remix vite:build
step "Browser tests"; npx playwright test
