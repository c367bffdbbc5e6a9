// `npm run build` (after `next build`): bundles the custom server and the recording indexer's
// worker into dist/server/, so production runs plain `node` and never compiles TypeScript.
//
//   node scripts/build-server.mjs
//
// `@/…` imports are resolved from tsconfig.json and bundled; every npm package stays a
// runtime `require` (native modules, PGlite's wasm and data files, and Next.js itself must
// load from node_modules). Each of those must be a production dependency, or an image built
// with `npm ci --omit=dev` would fail at start: the build checks that and fails instead.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..');
export const OUT_DIR = path.join(ROOT, 'dist', 'server');

/** Output name (without .js) → source. The worker is loaded by server/recording/index-recording.ts. */
export const ENTRY_POINTS = {
  index: 'server/index.ts',
  'index-worker': 'server/recording/index-worker.ts',
};

/** The npm package an import specifier names (`@scope/name/sub` → `@scope/name`). */
export function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages the bundle requires at run time that `npm ci --omit=dev` would not install. */
export function missingRuntimePackages(externalImports, dependencies) {
  const builtins = new Set(builtinModules);
  const names = new Set(externalImports.filter((specifier) => !specifier.startsWith('node:') && !builtins.has(packageName(specifier))).map(packageName));
  return [...names].filter((name) => !(name in dependencies)).sort();
}

export async function buildServer({ outDir = OUT_DIR } = {}) {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    // The oldest Node.js that package.json's engines allows.
    target: 'node22',
    // package.json has no "type": CommonJS, as tsx ran these files before.
    format: 'cjs',
    packages: 'external',
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const externalImports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.external).map((i) => i.path));
  const { dependencies = {} } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const missing = missingRuntimePackages(externalImports, dependencies);
  if (missing.length > 0) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw new Error(
      `the server imports ${missing.join(', ')} at run time, but package.json lists ${missing.length === 1 ? 'it' : 'them'} ` +
        'only as devDependencies (or not at all): move to "dependencies", or production installs cannot start',
    );
  }
  return Object.keys(ENTRY_POINTS).map((name) => path.join(outDir, `${name}.js`));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const started = Date.now();
  try {
    const files = await buildServer();
    console.log(`[porthole] built the server: ${files.map((file) => path.relative(ROOT, file)).join(', ')} (${Date.now() - started} ms)`);
  } catch (error) {
    console.error(`[porthole] server build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
