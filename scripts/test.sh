#!/usr/bin/env bash
# `npm test`: installs what the tests need, then runs every suite: typecheck, lint, unit,
# integration on PGlite and on a real PostgreSQL server, the fault tests at reduced size, and the
# browser tests in Chromium; it fails if any of them fails.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

# Two cores: jobs run side by side. Each job's output goes to a log printed whole when the job
# ends, so lines never interleave; any failure fails the script once every job has finished.
LOGS=$(mktemp -d /tmp/sipas-test-logs-XXXXXX)
declare -A JOB_PID
FAILED=()
start_job() { # name command: runs `command` (bash) in its own process group, timed
  setsid bash -c 'bash -c "$1"; status=$?; echo $SECONDS >"$2"; exit $status' _ "$2" "$LOGS/$1.time" \
    >"$LOGS/$1.log" 2>&1 </dev/null &
  JOB_PID[$1]=$!
  echo "(started in the background: $1; its output follows when it ends)"
}
finish_job() { # name: waits for the job, then prints its output and outcome
  local status=0
  wait "${JOB_PID[$1]}" || status=$?
  unset "JOB_PID[$1]"
  step "$1: $([ "$status" = 0 ] && echo passed || echo "FAILED (exit $status)") in $(cat "$LOGS/$1.time" 2>/dev/null) s"
  cat "$LOGS/$1.log"
  [ "$status" = 0 ] || failed "$1" "$LOGS/$1.log"
  return "$status"
}
# A failed suite's failures are printed again at the very end, where a CI log's tail shows them.
failed() { # name log
  FAILED+=("$1")
  { printf '\n== What failed in: %s\n' "$1"
    grep -E -A14 '^ *FAIL |^ +[0-9]+\) \[|error TS[0-9]+|^ +[0-9]+:[0-9]+ +error ' "$2" | head -120 || tail -40 "$2"
  } >>"$LOGS/failures"
}
stop_jobs() { for pid in "${JOB_PID[@]}"; do kill -- "-$pid" 2>/dev/null || true; done; rm -rf "$LOGS"; }
cleanup() { :; }
trap 'stop_jobs; cleanup' EXIT
trap 'exit 130' INT TERM

# Chromium (browser tests) and HAProxy (fault tests) come from apt, the packages from npm: the
# downloads overlap.
APT_PACKAGES=()
[ -x /usr/bin/chromium ] || APT_PACKAGES+=(chromium)
[ -x /usr/sbin/haproxy ] || APT_PACKAGES+=(haproxy)
if [ ${#APT_PACKAGES[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "${APT_PACKAGES[*]} missing and could not be installed (run as root or install the Debian packages)." >&2; exit 1; }
  start_job "Debian packages" \
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${APT_PACKAGES[*]} >/dev/null"
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "Installing dependencies"
  npm ci --ignore-scripts
fi
# Every time, not only after an install: node_modules may predate a patch (ADR 016).
npx --no-install patch-package --error-on-fail
[ -f app/generated/prisma/client.ts ] && [ ! prisma/schema.prisma -nt app/generated/prisma/client.ts ] || node scripts/prisma.mjs generate

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  step "Starting a throwaway PostgreSQL cluster"
  command -v initdb >/dev/null || { echo "PostgreSQL server binaries (initdb, pg_ctl) are missing: install postgresql or set TEST_DATABASE_URL." >&2; exit 1; }
  PGTMP=$(mktemp -d /tmp/sipas-pg-XXXXXX)
  PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$PGTMP"; runuser -u postgres -- "$@"; else "$@"; fi; }
  as_pg initdb -D "$PGTMP/data" -A trust -U postgres >/dev/null
  # A throwaway cluster: nothing in it needs to survive a crash (the fault tests, which check
  # exactly that, start clusters of their own), and every test file's CREATE DATABASE … TEMPLATE
  # and commit would otherwise wait for the disk.
  as_pg pg_ctl -D "$PGTMP/data" -l "$PGTMP/log" -w start \
    -o "-p $PORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  cleanup() { as_pg pg_ctl -D "$PGTMP/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGTMP"; }
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
  export TEST_PG_DATA="$PGTMP/data"
fi

# Three one-core jobs first, then Vitest (two workers), then the browser tests (two workers, each
# with a server of its own: playwright.config.ts). Run beside Vitest on 2 cores, the browser tests
# starved its workers (RPC timeouts, a 60 s test timing out) and the whole took no less time.
# A further suite is a start_job/finish_job pair: beside another job only if it leaves it a core.
start_job "Typecheck" 'npx tsc --noEmit'
start_job "Lint" 'npx eslint . --max-warnings 0'
start_job "Build" 'npm run build'
BROWSER_READY=1
BUILT=1
finish_job "Build" || { BUILT=0; BROWSER_READY=0; }
[ -z "${JOB_PID[Debian packages]:-}" ] || finish_job "Debian packages" || { BUILT=0; BROWSER_READY=0; }
finish_job "Typecheck" || true
finish_job "Lint" || true

# Vitest's output streams here.
step "Unit tests, integration tests on PGlite and on PostgreSQL"
START=$SECONDS
npx vitest run 2>&1 | tee "$LOGS/vitest.log" || failed "Unit and integration tests" "$LOGS/vitest.log"
echo "(Vitest: $((SECONDS - START)) s)"
# Fault tests at reduced size (test/faults): throwaway clusters, built servers, HAProxy; alone,
# as their answer-time bounds are part of what they check.
if [ "$BUILT" = 1 ]; then
  start_job "Fault tests" 'npx vitest run --config test/faults/vitest.config.ts'
  finish_job "Fault tests" || true
else
  echo "(the fault tests need the build and HAProxy: not run)"
fi
if [ "$BROWSER_READY" = 1 ]; then
  # The servers' databases go with the logs, removed on exit.
  start_job "Browser tests" "E2E_PGLITE_DIR=$LOGS/e2e npx playwright test"
  finish_job "Browser tests" || true
else
  echo "(the browser tests need the build and Chromium: not run)"
fi

if [ ${#FAILED[@]} -gt 0 ]; then
  cat "$LOGS/failures" 2>/dev/null || true
  step "FAILED: $(IFS=,; echo "${FAILED[*]}" | sed 's/,/, /g')"
  exit 1
fi
step "All suites passed in $SECONDS s"
