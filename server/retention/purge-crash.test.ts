import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { copyMigratedPglite } from '@/test/harness/migrated-pglite-dir';

const run = promisify(execFile);
const CHILD = path.join(__dirname, 'testing', 'purge-child.ts');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** One process of the test's Porthole; its last stdout line is its answer. */
async function child(dataDir: string, secretKey: string, ...args: string[]) {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD, dataDir, secretKey, ...args], {
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
      timeout: 60_000,
    });
    return { killed: false, answer: JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown> };
  } catch (error) {
    const { signal, stderr } = error as { signal?: string; stderr?: string };
    if (signal === 'SIGKILL') return { killed: true, answer: {} };
    throw new Error(`purge child failed: ${stderr ?? String(error)}`);
  }
}

for (const step of ['tombstone', 'store'] as const) {
  it(`a purge process killed right after its ${step} step leaves nothing half-done once the next run has gone`, { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-purge-'));
    dirs.push(dataDir);
    copyMigratedPglite(dataDir);
    const secretKey = randomBytes(32).toString('hex');
    const { answer: seeded } = await child(dataDir, secretKey, 'seed');
    const id = seeded.id as string;
    expect(fs.readdirSync(path.join(dataDir, 'recordings', id)).length).toBeGreaterThan(0);

    const crashed = await child(dataDir, secretKey, 'purge', step);
    expect(crashed.killed).toBe(true);
    // The store step ran before the kill: the chunks are gone, the row and its tombstone are not.
    expect(fs.existsSync(path.join(dataDir, 'recordings', id))).toBe(step === 'tombstone');

    const { answer } = await child(dataDir, secretKey, 'finish');
    expect(answer).toEqual({ result: { purged: 0, resumed: 1 }, tombstones: [{ id, isDone: true }], recordingsLeft: 0, chunksLeft: 0, purgeEvents: [id] });
  });
}
