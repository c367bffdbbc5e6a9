#!/usr/bin/env bash
# bench:masking for this checkout against another revision, interleaved round by round, so
# both see the same machine: `bash scripts/bench/masking-compare.sh REV [ROUNDS] [BENCH ARGS…]`
# (bench:masking's own arguments, e.g. `--enable=key-material,high-entropy-value`).
# Both trees' engines run under this checkout's driver, bundled as the server ships
# (run-bundled.mjs). Writes each run to $OUT (default /tmp/masking-compare) and prints the load
# before and after.
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=${1:?usage: masking-compare.sh REV [ROUNDS]}
rounds=${2:-5}
shift $(($# < 2 ? $# : 2))
out=${OUT:-/tmp/masking-compare}
base=$(mktemp -d)
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$base" "$rev"
ln -s "$PWD/node_modules" "$base/node_modules"
# The mixed text is drawn from the benign corpus, which tests grow: both trees get this
# checkout's, so the rows compare engines, not corpora (the 1 % of secrets still come from each
# tree's own detector corpora).
export BENIGN_DIR="$PWD/server/masking/corpus/benign"
mkdir -p "$out"
echo "start: $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  node scripts/bench/run-bundled.mjs scripts/bench/masking.ts "$@" > "$out/head-r$round.txt" 2>&1
  TREE="$base" node scripts/bench/run-bundled.mjs scripts/bench/masking.ts "$@" > "$out/base-r$round.txt" 2>&1
done
echo "end: $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -H "mixed text  *1 KiB" "$out"/*.txt
