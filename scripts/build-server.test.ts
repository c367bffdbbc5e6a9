import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeKeyframe, encodeFrames, genesisHash, sealChunkSync } from '../server/recording/format';
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

  it("refuses to start while ssh2's crypto binding is one that aborts the process at a garbage collection", () => {
    // A project directory whose ssh2 has a binding built against Node 24.19+ headers (nodejs/node#65446).
    const project = fs.mkdtempSync(path.join(ROOT, '.tmp', 'unsafe-ssh2-'));
    try {
      const release = path.join(project, 'node_modules', 'ssh2', 'lib', 'protocol', 'crypto', 'build', 'Release');
      fs.mkdirSync(release, { recursive: true });
      fs.writeFileSync(path.join(project, 'package.json'), '{}');
      fs.writeFileSync(path.join(project, 'node_modules', 'ssh2', 'package.json'), '{"name":"ssh2"}');
      fs.writeFileSync(path.join(release, 'sshcrypto.node'), '\x7fELF\0_ZN4node28RemoveEnvironmentCleanupHookEPN2v87IsolateEPFvPvES3_\0');
      const result = spawnSync(process.execPath, [path.join(outDir, 'index.js')], {
        cwd: project,
        env: { PATH: process.env.PATH, NODE_ENV: 'production' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.stderr).toContain('sshcrypto.node aborts the process');
      expect(result.stderr).toContain('node scripts/postinstall.mjs');
      expect(result.status).toBe(1);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  it('has a built indexing worker that indexes a recording without tsx', async () => {
    const worker = new Worker(path.join(outDir, 'index-worker.js'), {
      workerData: { cols: 80, rows: 24, duration: 40, rules: { overrides: {}, custom: [] } },
    });
    const answers: { type: string; result?: { keyframes: { t: number; bytes: Uint8Array }[]; heatmap: number[] } }[] = [];
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: (typeof answers)[number]) => {
        answers.push(message);
        if (message.type === 'done' || message.type === 'error') resolve();
      });
      worker.on('error', reject);
    });
    // A sealed chunk as the store holds it: the worker decompresses and decodes it itself.
    const events = [
      { t: 0, kind: 'o' as const, data: Buffer.from('hello from the built worker\r\n') },
      { t: 31, kind: 'o' as const, data: Buffer.from('later\r\n') },
    ];
    const frames = encodeFrames(events);
    const sealed = sealChunkSync({ seq: 0, eventCount: 2, rawBytes: frames.length, tStart: 0, tEnd: 31, prevHash: genesisHash(randomUUID()) }, frames);
    worker.postMessage({ type: 'chunk', seq: 0, isSealed: true, bytes: new Uint8Array(sealed.bytes) });
    worker.postMessage({ type: 'end' });
    await done;
    await worker.terminate();
    expect(answers.map((answer) => answer.type)).toEqual(['ack', 'done']);
    const result = answers[1]!.result!;
    // KEYFRAME_SECONDS (30) passed between the two outputs: one keyframe, showing the screen.
    expect(result.keyframes).toHaveLength(1);
    // Encoded in the worker; a Uint8Array of its own size once it has crossed.
    const [keyframe] = result.keyframes;
    expect(keyframe!.bytes).toBeInstanceOf(Uint8Array);
    expect(keyframe!.bytes.byteLength).toBe(keyframe!.bytes.buffer.byteLength);
    expect(decodeKeyframe(Buffer.from(keyframe!.bytes)).data).toContain('hello from the built worker');
    expect(result.heatmap.reduce((sum, bytes) => sum + bytes, 0)).toBeGreaterThan(0);
  });
});

describe('missingRuntimePackages', () => {
  it('names the packages a production install (without devDependencies) would lack', () => {
    const imports = ['pg', 'node:fs', 'fs', 'worker_threads', '@scope/pkg/sub/path', 'vitest', 'drizzle-orm/pg-core', '@other/tool'];
    expect(missingRuntimePackages(imports, { pg: '1', '@scope/pkg': '1', 'drizzle-orm': '1' })).toEqual(['@other/tool', 'vitest']);
  });
});
