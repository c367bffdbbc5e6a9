// Runs a benchmark script bundled as the server ships (see bundle-script.mjs), then removes it.
//
//   node scripts/bench/run-bundled.mjs scripts/bench/masking.ts [args…]
//   TREE=/path/to/checkout node scripts/bench/run-bundled.mjs …   (`@/…` from another tree)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { bundleScript } from './bundle-script.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bench/run-bundled.mjs <script.ts> [args…]');
  process.exit(2);
}
const bundle = await bundleScript(entry, process.env.TREE);
try {
  const result = spawnSync(process.execPath, [bundle, ...args], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  fs.rmSync(bundle, { force: true });
}
