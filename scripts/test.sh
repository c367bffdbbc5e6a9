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
# Chromium comes from Debian (/usr/bin/chromium); never download browsers.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export VITE_CONFIG_NATIVE_IGNORE_WARNING=true

started=$SECONDS
step() {
  printf '\n==> %s  (+%ss)\n' "$*" "$((SECONDS - started))"
}

step "OS packages (scripts/ensure-os-packages.sh)"
bash scripts/ensure-os-packages.sh </dev/null

step "Lint (eslint, --max-warnings 0)"
npm run lint

step "Typecheck (tsc --noEmit)"
npm run typecheck

step "Unit and integration tests (vitest)"
npx vitest run

step "Production build (next build, then the server bundle in dist/server)"
npm run build

if [[ -f playwright.config.ts ]]; then
  step "End-to-end tests (playwright, Debian chromium)"
  npx playwright test
else
  step "End-to-end tests: skipped, no playwright.config.ts yet"
fi

step "All checks passed"
