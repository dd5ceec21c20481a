#!/usr/bin/env bash
# `npm test`: type-check, lint, generated-type freshness, unit and integration tests on PGlite,
# the integration tests again on PostgreSQL when DATABASE_URL is set, the editor's unit tests,
# and browser tests when a Chromium is found (REQUIRE_E2E=1 makes a missing Chromium a failure).
# Ends with one line: "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
results=$(mktemp -d)
export RINGBACK_TEST_RESULTS="$results"
status=0

check() {
  local name=$1
  shift
  echo "▶ $name: $*"
  if "$@"; then echo "pass $name" >>"$results/checks"; else echo "fail $name" >>"$results/checks"; status=1; fi
}

suite() {
  local name=$1
  shift
  echo "▶ tests ($name)"
  echo "$name" >>"$results/suites"
  npx vitest run --reporter=default --reporter=json --outputFile.json="$results/$name.json" "$@" || status=1
}

check typecheck npx tsc -p tsconfig.json --noEmit
check typecheck-editor npx tsc -p editor/tsconfig.json --noEmit
check lint npx biome check .
check generated-types npx tsx scripts/gen-types.ts --check

suite pglite
if [ -n "${DATABASE_URL:-}" ]; then
  RINGBACK_TEST_DB=postgres suite postgres test/
else
  echo "notice: DATABASE_URL is not set, so the PostgreSQL pass is skipped"
fi
suite editor --config editor/vitest.config.ts

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$chromium" ]; then
  check build-editor npm run --silent build:editor
  CHROMIUM_PATH="$chromium" suite browser --config test/e2e/vitest.config.ts
elif [ "${REQUIRE_E2E:-}" = "1" ]; then
  echo "error: REQUIRE_E2E=1 but no Chromium at $chromium"
  echo "fail browser-tests" >>"$results/checks"
  status=1
else
  echo "notice: no Chromium at $chromium, so the browser tests are skipped (install chromium or set CHROMIUM_PATH)"
fi

node scripts/test-summary.mjs "$results" || status=1
exit $status
