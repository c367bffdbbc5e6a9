#!/usr/bin/env bash
# Instructions the masking engine runs per MB of mixed output, in this checkout and at REV,
# counted by valgrind (cachegrind, no cache simulation): unlike MB/s, the count does not move
# with the machine's load, so a regression shows on a busy machine too. Both trees mask the
# same text (this checkout's benign corpus, or the .txt files in BENIGN_DIR). ON: rule ids to
# switch on (e.g. key-material). TREES: which of "head base" to count (default both).
#
#   bash scripts/bench/masking-instructions.sh REV        (needs valgrind; ~3 min per tree)
#
# Each figure is (count for 9 passes − count for 3 passes) / 6 × 4 (a pass is 256 KiB), so
# start-up and most of the optimizing compiler's work (in the first passes) cancel out;
# repeated runs agree within ~3 %.
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=${1:?usage: masking-instructions.sh REV}
benign_dir=$(realpath "${BENIGN_DIR:-server/masking/corpus/benign}")
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)"; exit 1; }
base=$(mktemp -d)
# Bundles live under node_modules so that they resolve re2 (a native module) from there.
# One directory per run, so that two runs side by side (two corpora) do not share bundles.
mkdir -p "$PWD/node_modules/.cache"
out=$(mktemp -d "$PWD/node_modules/.cache/masking-instructions.XXXXXX")
trap 'git worktree remove --force "$base" >/dev/null 2>&1 || true; rm -rf "$out"' EXIT
git worktree add -q --detach "$base" "$rev"
ln -s "$PWD/node_modules" "$base/node_modules"

bundle() { # tree → a bundle of this checkout's driver against that tree's engine
  npx esbuild scripts/bench/masking-instructions.ts --bundle --platform=node --format=cjs --external:re2 \
    --tsconfig="$1/tsconfig.json" --alias:@="$1" --log-level=error --outfile="$2"
}
count() { # bundle passes → instructions
  env ON="${ON:-}" BENIGN_DIR="$benign_dir" PASSES="$2" \
    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null node --single-threaded "$1" 2>&1 |
    awk '/I *refs/ { gsub(",", "", $NF); print $NF }'
}
bundle "$PWD" "$out/head.cjs"
bundle "$base" "$out/base.cjs"
echo "date: $(date -u +%FT%TZ)  load: $(cut -d' ' -f1-3 /proc/loadavg)  rules on: ${ON:-defaults}  text: $benign_dir"
for tree in ${TREES:-head base}; do
  three=$(count "$out/$tree.cjs" 3)
  nine=$(count "$out/$tree.cjs" 9)
  echo "$tree ($([ $tree = head ] && git rev-parse --short HEAD || git rev-parse --short "$rev")): $(( (nine - three) * 4 / 6 / 1000000 )) M instructions per MiB"
done
