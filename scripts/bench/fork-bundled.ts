import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import fs from 'node:fs';
import { bundleScript } from './bundle-script.mjs';

/**
 * Forks a benchmark's child (a gateway, a proxy) as production runs the server: bundled by
 * esbuild, then plain `node` (see bundle-script.mjs; under tsx every imported binding is read
 * through a getter, which the shipped bundle never pays). The bundle is removed when the
 * child exits.
 */
export async function forkBundled(file: string, options: ForkOptions): Promise<ChildProcess> {
  const bundle = await bundleScript(file);
  const child = fork(bundle, [], options);
  child.once('exit', () => fs.rmSync(bundle, { force: true }));
  return child;
}
