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

# Lint and the typecheck are single-threaded and independent: on two cores they run side by
# side, each into its own log, printed in order once both are done.
step "Lint (eslint, --max-warnings 0) and typecheck (tsc --noEmit), side by side"
checks_dir=$(mktemp -d)
trap 'rm -rf "$checks_dir"' EXIT
npm run lint >"$checks_dir/lint.log" 2>&1 &
lint_pid=$!
npm run typecheck >"$checks_dir/typecheck.log" 2>&1 &
typecheck_pid=$!
lint_status=0
typecheck_status=0
wait "$lint_pid" || lint_status=$?
wait "$typecheck_pid" || typecheck_status=$?
printf -- '--- lint ---\n'
cat "$checks_dir/lint.log"
printf -- '--- typecheck ---\n'
cat "$checks_dir/typecheck.log"
if ((lint_status != 0 || typecheck_status != 0)); then
  echo "Lint exited with $lint_status, typecheck with $typecheck_status: see above." >&2
  exit 1
fi

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
