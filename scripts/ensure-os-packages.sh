#!/usr/bin/env bash
# Makes sure the Debian packages the test suite runs against are installed: real sshd,
# PostgreSQL, MariaDB, Chromium (Playwright drives its headless-only build, chromium-headless-shell;
# the full browser runs bench:replay's seeks), asciinema (export check) and sudo (a password
# prompt on the test SSH host, for hidden-input masking), kubectl (the real client that proves
# the Kubernetes harness; Debian's kubernetes-client is 1.20, which execs over SPDY only, so
# the kubectl exec -it proof skips there and runs where a kubectl of 1.30 or later is the
# /usr/bin/kubectl already), plus the compiler
# toolchain node-gyp needs for native npm modules without a Linux prebuild (node-pty). As
# root it installs what is missing; otherwise it prints the command to run and fails. Never
# reads stdin.
set -euo pipefail

# package → file that proves it is installed
declare -A PROBES=(
  [openssh-server]=/usr/sbin/sshd
  [postgresql]=/usr/lib/postgresql/15/bin/initdb
  [mariadb-server]=/usr/sbin/mariadbd
  [chromium]=/usr/bin/chromium
  [chromium-headless-shell]=/usr/bin/chromium-headless-shell
  [asciinema]=/usr/bin/asciinema
  [sudo]=/usr/bin/sudo
  [kubernetes-client]=/usr/bin/kubectl
  [python3]=/usr/bin/python3
  [make]=/usr/bin/make
  [g++]=/usr/bin/g++
)
ORDER=(openssh-server postgresql mariadb-server chromium chromium-headless-shell asciinema sudo kubernetes-client python3 make g++)

missing=()
for package in "${ORDER[@]}"; do
  [[ -x "${PROBES[$package]}" ]] || missing+=("$package")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "OS packages: all present (${ORDER[*]})"
  exit 0
fi

echo "OS packages missing: ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "Install them with:" >&2
  echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Installing postgresql/mariadb-server/openssh-server must not start system services (CI
# containers have no init, and the tests run their own instances on random ports).
policy=/usr/sbin/policy-rc.d
created_policy=0
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
cleanup() { if [[ $created_policy -eq 1 ]]; then rm -f "$policy"; fi; }
trap cleanup EXIT

apt-get update </dev/null
apt-get install -y --no-install-recommends "${missing[@]}" </dev/null

still_missing=()
for package in "${missing[@]}"; do
  [[ -x "${PROBES[$package]}" ]] || still_missing+=("$package (${PROBES[$package]})")
done
if [[ ${#still_missing[@]} -gt 0 ]]; then
  echo "installed, but still not found: ${still_missing[*]}" >&2
  exit 1
fi
echo "OS packages: installed ${missing[*]}"
