#!/usr/bin/env bash
# Runs one benchmark command ROUNDS times with ssh2's native crypto binding and ROUNDS times
# without it (moved aside, as `npm install` does on Node 24.19+: server/connectors/ssh/
# ssh2-binding.mjs), interleaved (binding, node:crypto, then node:crypto, binding, …). Only
# where `npm install` left the binding in place (so it is safe to load); it is put back at the
# end, whatever happens.
#
#   OUT=/tmp/ssh-binding bash scripts/bench/ssh-binding-ab.sh 5 npm run bench:terminal -- --quick --sessions=0 --no-kubernetes
#
# Like rounds.sh, each run waits (up to WAIT seconds, default 240) for the 1-minute load average
# to fall to MAX_LOAD (default 0.5); its output goes to $OUT/<side>-r<round>.txt with start and
# end load.
set -uo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:?usage: ssh-binding-ab.sh ROUNDS COMMAND...}
shift
out=${OUT:-/tmp/ssh-binding-ab}
max_load=${MAX_LOAD:-0.5}
wait_max=${WAIT:-240}
mkdir -p "$out"
binding=node_modules/ssh2/lib/protocol/crypto/build/Release/sshcrypto.node
if [[ ! -f $binding ]]; then
  echo "no ssh2 binding at $binding: nothing to compare" >&2
  exit 2
fi
put_back() { if [[ -f $binding.bench-off ]]; then mv "$binding.bench-off" "$binding"; fi; }
trap put_back EXIT

# shellcheck source=wait-for-quiet.sh
source scripts/bench/wait-for-quiet.sh

run_one() {
  local side=$1 round=$2 file="$out/$1-r$2.txt"
  put_back
  if [[ $side == node-crypto ]]; then mv "$binding" "$binding.bench-off"; fi
  wait_for_quiet
  {
    echo "# side: $side, round $round, start $(date -u +%FT%TZ), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "# command: ${*:3}"
  } > "$file"
  "${@:3}" >> "$file" 2>&1 || echo "# exit code $?" >> "$file"
  echo "# end $(date -u +%FT%TZ), load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$file"
  echo "$side r$round → $file"
}

echo "machine: $(nproc) cores, node $(node --version); start $(date -u +%FT%TZ)"
for round in $(seq 1 "$rounds"); do
  if ((round % 2 == 1)); then
    run_one binding "$round" "$@"
    run_one node-crypto "$round" "$@"
  else
    run_one node-crypto "$round" "$@"
    run_one binding "$round" "$@"
  fi
done
