// Bundles a benchmark script as scripts/build-server.mjs bundles the server, so that it runs
// as production does: plain `node`, one scope. Under tsx every module is compiled on its own
// and each imported binding is read through a getter, which the shipped bundle never pays (in
// the masking engine's profile under tsx, about 7 % of the time).
// No top-level await: benchmarks run by tsx import this file.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let bundles = 0;

/**
 * Bundles `entry` with `@/…` resolved in `tree` (default: this checkout) and returns the
 * bundle's path. Bundles live under node_modules/.cache, so npm packages (re2 is native)
 * resolve from this checkout's node_modules.
 */
export async function bundleScript(entry, tree = ROOT) {
  const dir = path.join(ROOT, 'node_modules', '.cache', 'porthole-bench');
  fs.mkdirSync(dir, { recursive: true });
  const name = `${path.basename(entry).replace(/\.[cm]?ts$/, '')}-${process.pid}-${++bundles}.cjs`;
  const outfile = path.join(dir, name);
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [path.resolve(entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    tsconfig: path.join(path.resolve(tree), 'tsconfig.json'),
    alias: { '@': path.resolve(tree) },
    logLevel: 'warning',
  });
  return outfile;
}
