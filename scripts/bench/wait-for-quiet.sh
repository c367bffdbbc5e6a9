# Sourced by the benchmark drivers (rounds.sh, ssh-binding-ab.sh): `wait_for_quiet` returns once
# the 1-minute load average is at most $max_load, or after $wait_max seconds.
load1() { cut -d' ' -f1 /proc/loadavg; }

wait_for_quiet() {
  local waited=0
  while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }' && ((waited < wait_max)); do
    sleep 5
    waited=$((waited + 5))
  done
}
