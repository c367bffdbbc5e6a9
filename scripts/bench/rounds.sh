#!/usr/bin/env bash
# Runs one benchmark command ROUNDS times on this checkout — and, with BASE=REV, on that
# revision too, interleaved (head, base, then base, head, …) so drift hits both alike.
# Before each run it waits (up to WAIT seconds, default 300) for the 1-minute load average to
# fall to MAX_LOAD (default 0.5), so a run starts on a quiet machine or says it did not.
#
#   bash scripts/bench/rounds.sh 5 npm run bench:scale -- --markdown=OUT.md
#   BASE=83cc0d1 bash scripts/bench/rounds.sh 5 npm run bench:sql -- --rounds=1
#
# Each run's output goes to $OUT/<tree>-r<round>.txt (OUT default /tmp/bench-rounds), headed
# by its start time and load; a summary line per run is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:?usage: rounds.sh ROUNDS COMMAND...}
shift
out=${OUT:-/tmp/bench-rounds}
max_load=${MAX_LOAD:-0.5}
wait_max=${WAIT:-300}
mkdir -p "$out"
head_dir=$PWD
base_dir=
if [[ -n ${BASE:-} ]]; then
  base_dir=$(mktemp -d)
  trap 'git worktree remove --force "$base_dir" >/dev/null 2>&1 || true' EXIT
  git worktree add -q --detach "$base_dir" "$BASE"
  ln -s "$PWD/node_modules" "$base_dir/node_modules"
fi

# shellcheck source=wait-for-quiet.sh
source scripts/bench/wait-for-quiet.sh

run_one() {
  local tree=$1 dir=$2 round=$3 file="$out/$1-r$3.txt"
  wait_for_quiet
  local start_load
  start_load=$(cut -d' ' -f1-3 /proc/loadavg)
  {
    echo "# tree: $tree ($(git -C "$dir" rev-parse --short HEAD)), round $round, start $(date -u +%FT%TZ), load at start: $start_load"
    echo "# command: ${*:4}"
  } > "$file"
  (cd "$dir" && "${@:4}") >> "$file" 2>&1 || echo "# exit code $?" >> "$file"
  echo "# end $(date -u +%FT%TZ), load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$file"
  echo "$tree r$round: start load $start_load → $file"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, node $(node --version); start $(date -u +%FT%TZ)"
for round in $(seq 1 "$rounds"); do
  if [[ -z $base_dir ]]; then
    run_one head "$head_dir" "$round" "$@"
  elif ((round % 2 == 1)); then
    run_one head "$head_dir" "$round" "$@"
    run_one base "$base_dir" "$round" "$@"
  else
    run_one base "$base_dir" "$round" "$@"
    run_one head "$head_dir" "$round" "$@"
  fi
done
echo "end $(date -u +%FT%TZ)"
