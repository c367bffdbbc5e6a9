import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, missingRuntimePackages } from './build-server.mjs';

const ROOT = path.resolve(__dirname, '..');
let outDir: string;

beforeAll(async () => {
  // Inside the checkout, as dist/ is: the bundle requires its packages from ./node_modules.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  outDir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'build-server-'));
  await buildServer({ outDir });
}, 120_000);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('the server built ahead of time', () => {
  it('starts with plain node, no tsx: every module loads and the configuration check runs', () => {
    // An invalid PORT stops the start right after all modules (native ones included) have loaded.
    const result = spawnSync(process.execPath, [path.join(outDir, 'index.js')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toContain('Invalid configuration: PORT');
    expect(result.stderr).not.toMatch(/Cannot find module|ERR_UNKNOWN_FILE_EXTENSION/);
    expect(result.status).toBe(1);
  });

  it('has a built indexing worker that indexes a recording without tsx', async () => {
    const worker = new Worker(path.join(outDir, 'index-worker.js'), {
      workerData: { cols: 80, rows: 24, duration: 40, rules: { overrides: {}, custom: [] } },
    });
    const answers: { type: string; result?: { keyframes: { data: string }[]; heatmap: number[] } }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: (typeof answers)[number]) => {
        answers.push(message);
        if (message.type === 'done' || message.type === 'error') resolve();
      });
      worker.on('error', reject);
    });
    const output = (t: number, index: number, text: string) => ({ t, kind: 'o', data: new TextEncoder().encode(text), chunkSeq: 0, index });
    worker.postMessage({ type: 'events', events: [output(0, 0, 'hello from the built worker\r\n'), output(31, 1, 'later\r\n')] });
    worker.postMessage({ type: 'end' });
    await done;
    await worker.terminate();
    expect(answers.map((answer) => answer.type)).toEqual(['ack', 'done']);
    const result = answers[1]!.result!;
    // KEYFRAME_SECONDS (30) passed between the two outputs: one keyframe, showing the screen.
    expect(result.keyframes).toHaveLength(1);
    expect(result.keyframes[0]!.data).toContain('hello from the built worker');
    expect(result.heatmap.reduce((sum, bytes) => sum + bytes, 0)).toBeGreaterThan(0);
  });
});

describe('missingRuntimePackages', () => {
  it('names the packages a production install (without devDependencies) would lack', () => {
    const imports = ['pg', 'node:fs', 'fs', 'worker_threads', '@scope/pkg/sub/path', 'vitest', 'drizzle-orm/pg-core', '@other/tool'];
    expect(missingRuntimePackages(imports, { pg: '1', '@scope/pkg': '1', 'drizzle-orm': '1' })).toEqual(['@other/tool', 'vitest']);
  });
});
