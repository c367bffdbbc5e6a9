import fs from 'node:fs';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { readHarnessState, STATE_ENV } from './support/harness-state';
import { stopProcessGroup } from './support/processes';

/**
 * Stops what global setup started and removes its temp directory. The server logs are
 * copied to test-results/ first, so a failed run can still be read afterwards.
 */
export default async function globalTeardown(config: FullConfig): Promise<void> {
  if (!process.env[STATE_ENV]) return; // setup failed and cleaned up after itself
  const state = readHarnessState();
  await Promise.all(state.pids.map((pid) => stopProcessGroup(pid)));
  const outputDir = config.projects[0]?.outputDir ?? path.join(config.rootDir, '..', 'test-results');
  try {
    fs.mkdirSync(outputDir, { recursive: true });
    for (const [name, file] of Object.entries(state.logs)) fs.copyFileSync(file, path.join(outputDir, `${name}.log`));
  } catch (error) {
    console.warn(`[e2e] could not keep the server logs: ${String(error)}`);
  }
  fs.rmSync(state.tmpDir, { recursive: true, force: true });
}
