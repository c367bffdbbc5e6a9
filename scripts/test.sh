#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, stopping at the first failure. Needs no stdin.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
export DEBIAN_FRONTEND=noninteractive
export NO_UPDATE_NOTIFIER=1
export npm_config_fund=false
export npm_config_audit=false
export npm_config_update_notifier=false
# Chromium comes from Debian (/usr/bin/chromium-headless-shell, see playwright.config.ts); never download browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true

started=$SECONDS
step() {
  printf '\n==> %s  (+%ss)\n' "$*" "$((SECONDS - started))"
}

step "OS packages (scripts/ensure-os-packages.sh)"
bash scripts/ensure-os-packages.sh </dev/null

# ESLint (type-aware, over a minute here) is the longest check and single-threaded: on two cores it runs
# beside the typecheck, the format check and the folder rules, which together take about half as
# long. Each side writes its own log, printed in order once both are done.
step "Lint (eslint, --max-warnings 0), beside typecheck (tsc --noEmit), prettier --check and lint:deps"
checks_dir=$(mktemp -d)
trap 'rm -rf "$checks_dir"' EXIT
npm run lint:code >"$checks_dir/eslint.log" 2>&1 &
eslint_pid=$!
(npm run typecheck && npm run lint:format && npm run lint:deps) >"$checks_dir/others.log" 2>&1 &
others_pid=$!
eslint_status=0
others_status=0
wait "$eslint_pid" || eslint_status=$?
wait "$others_pid" || others_status=$?
printf -- '--- eslint ---\n'
cat "$checks_dir/eslint.log"
printf -- '--- typecheck, prettier --check, lint:deps ---\n'
cat "$checks_dir/others.log"
if ((eslint_status != 0 || others_status != 0)); then
  echo "ESLint exited with $eslint_status; typecheck, prettier or lint:deps with $others_status: see above." >&2
  exit 1
fi

step "Unit and integration tests (vitest)"
npx vitest run

step "Production build (next build, then the server bundle in dist/server)"
# The typecheck above covered every file next build would check (see next.config.js).
PORTHOLE_BUILD_TYPES_CHECKED=1 npm run build

if [[ -f playwright.config.ts ]]; then
  step "End-to-end tests (playwright, Debian chromium)"
  npx playwright test
else
  step "End-to-end tests: skipped, no playwright.config.ts yet"
fi

step "All checks passed"
