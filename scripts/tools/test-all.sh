#!/usr/bin/env bash
# What `npm test` runs, in order, failing fast:
#   1. make sure headless Chromium and a CJK font are there (scripts/tools/ensure-chromium.sh): the
#      share cards, drawn in Node by the unit tests and the H5 build, need the font
#   2. lint (ESLint, including the layer rules of eslint.config.mjs) and typecheck (tsc --noEmit)
#   3. unit + component tests (jest, Node/jsdom; includes the "articles.json is up to date" test)
#   4. build weapp and H5
#   5. size budgets, ES5 and "no build-time library bundled" (scripts/tools/check-size.mjs)
#   6. compiled-weapp tests and H5 end-to-end tests (jest projects weapp, e2e)
# The last line is always "N passed, N failed" (CI reads it). A step that fails outside jest
# (lint, typecheck, build, size check, Chromium) counts as one failure there, so a failed run
# never reads "0 failed".
set -euo pipefail
cd "$(dirname "$0")/../.."

RESULTS_DIR=test-results
mkdir -p "$RESULTS_DIR"
# Stale reports and failure screenshots from an earlier run would only mislead.
rm -f "$RESULTS_DIR"/jest-*.json "$RESULTS_DIR"/*.png
JEST=node_modules/.bin/jest
PASSED=0
FAILED=0
SNAPSHOT=""

step() { printf '\n==> %s\n' "$*"; }

# Adds the counts of a jest --json report to the totals.
count_results() {
  local report=$1
  [ -s "$report" ] || return 0
  local counts
  counts=$(node -e 'const r = require(require("path").resolve(process.argv[1])); console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "$report")
  PASSED=$((PASSED + ${counts% *}))
  FAILED=$((FAILED + ${counts#* }))
}

finish() {
  local status=$?
  [ -n "$SNAPSHOT" ] && rm -rf "$SNAPSHOT"
  if [ "$status" -ne 0 ] && [ "$FAILED" -eq 0 ]; then FAILED=1; fi
  echo
  echo "$PASSED passed, $FAILED failed"
  exit "$status"
}
trap finish EXIT

fail_step() {
  echo "npm test: $*" >&2
  exit 1
}

run_jest() {
  local name=$1
  shift
  local report="$RESULTS_DIR/jest-$name.json"
  local status=0
  "$JEST" --selectProjects "$@" --json --outputFile="$report" || status=$?
  count_results "$report"
  if [ "$status" -ne 0 ]; then fail_step "jest projects $* failed (details above; report in $report)."; fi
}

[ -x "$JEST" ] || fail_step "node_modules is missing: run \"npm install\" first."

step "Headless Chromium"
bash scripts/tools/ensure-chromium.sh || fail_step "Chromium is not available (with a CJK font) for the share cards and the H5 end-to-end tests."

# Before the builds: both take ~10-20 s on 2 cores and catch a layer break or a type error at once.
step "Lint"
node_modules/.bin/eslint . || fail_step "lint failed (see above; the layer rules are in eslint.config.mjs)."
echo "lint passed."

step "Typecheck"
node_modules/.bin/tsc --noEmit -p . || fail_step "typecheck failed (see above)."
echo "typecheck passed."

step "Unit and component tests"
run_jest unit unit component

# dist/ is shared with other tools on a dev machine: build under the shared lock, then copy the
# result to a private snapshot so a rebuild elsewhere cannot change files under running tests.
step "Build weapp and H5"
with_dist_lock() {
  if command -v flock >/dev/null 2>&1; then flock /tmp/dist.lock "$@"; else "$@"; fi
}
SNAPSHOT=$(mktemp -d "${TMPDIR:-/tmp}/health-news-dist.XXXXXX")
with_dist_lock bash -c '
  set -euo pipefail
  npm run --silent build:weapp > "$1/build-weapp.log" 2>&1 || { cat "$1/build-weapp.log"; echo "npm test: the weapp build failed (log above)." >&2; exit 1; }
  echo "weapp built."
  npm run --silent build:h5 > "$1/build-h5.log" 2>&1 || { cat "$1/build-h5.log"; echo "npm test: the H5 build failed (log above)." >&2; exit 1; }
  echo "H5 built."
  cp -R dist/weapp dist/h5 "$2/"
' _ "$RESULTS_DIR" "$SNAPSHOT" || fail_step "building failed."
export TEST_DIST_DIR="$SNAPSHOT"

step "Size budgets"
node scripts/tools/check-size.mjs || fail_step "the size check failed (see above)."


step "Compiled weapp and H5 end-to-end tests"
run_jest pages weapp e2e
