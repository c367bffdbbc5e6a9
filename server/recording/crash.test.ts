import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { copyMigratedPglite } from '@/test/harness/migrated-pglite-dir';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';
import type { ChildInit } from './testing/gateway-child';
import { startGatewayChild } from './testing/start-child';
import type { VerifyResult } from './verify-recording';

type Inspection = { recording: { status: string; outputBytes: number; chunkCount: number }; sessionStatus: string; verify: VerifyResult };

let sshd: Sshd;
let dataDir: string;
const children: ChildProcess[] = [];
beforeAll(async () => {
  sshd = await startSshd();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-crash-'));
  copyMigratedPglite(dataDir);
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await sshd?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const startChild = (init: ChildInit) => startGatewayChild(init, children);

/** More than any tail of `seq` output a masking rule could still be waiting on. */
const MAX_HELD_TAIL_BYTES = 64;

it('keeps every event received before a SIGKILL, marks the recording interrupted, and it verifies; a flipped byte does not', async () => {
  const secretKey = randomBytes(32).toString('hex');
  const first = await startChild({ dataDir, secretKey, sshd });
  const { id, wsUrl } = await first.ask<{ id: string; wsUrl: string }>({ type: 'session' });

  const received: Buffer[] = [];
  let receivedBytes = 0;
  const term = await connectTerminal(wsUrl, {
    origin: first.ready.origin,
    onOutput: (chunk) => {
      received.push(Buffer.from(chunk));
      receivedBytes += chunk.length;
    },
  });
  term.type('seq 1 5000000\n');
  // Well past the first sealed chunk, while output is still pouring in.
  const deadline = Date.now() + 20_000;
  while (receivedBytes < 1_500_000) {
    if (Date.now() > deadline) throw new Error(`only ${receivedBytes} bytes arrived`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  first.child.kill('SIGKILL');
  await once(first.child, 'exit');
  await term.closed;
  const clientLog = Buffer.concat(received);

  const second = await startChild({ dataDir, secretKey });
  expect(second.ready.recovered).toBe(1);
  const outputFile = path.join(dataDir, 'recorded-output');
  const after = await second.ask<Inspection>({ type: 'inspect', id, file: outputFile });
  const recorded = fs.readFileSync(outputFile);
  // The gateway had received at least what it relayed; the recording holds all of it but for
  // a possible secret the recording's masker still held back (the browser gets such a tail
  // after a few ms of quiet; the recording only once it is decided: a few digits of `seq`).
  const comparable = Math.min(recorded.length, clientLog.length);
  expect(recorded.length).toBeGreaterThanOrEqual(clientLog.length - MAX_HELD_TAIL_BYTES);
  expect(recorded.subarray(0, comparable).equals(clientLog.subarray(0, comparable))).toBe(true);
  expect(after.recording).toMatchObject({ status: 'interrupted', outputBytes: recorded.length });
  expect(after.recording.chunkCount).toBeGreaterThanOrEqual(2);
  expect(after.sessionStatus).toBe('interrupted');
  expect(after.verify).toMatchObject({ isValid: true, hasOpenTail: false, chunkCount: after.recording.chunkCount });

  // One byte of one stored chunk changed: the chain no longer verifies, and says where.
  const chunkFile = path.join(dataDir, 'recordings', id, 'chunk-00000001.phc');
  const bytes = fs.readFileSync(chunkFile);
  bytes[bytes.length >> 1]! ^= 0x20;
  fs.writeFileSync(chunkFile, bytes);
  const { verify } = await second.ask<{ verify: VerifyResult }>({ type: 'verify', id });
  expect(verify).toMatchObject({ isValid: false, failedChunk: 1 });
  expect(verify.problem).toMatch(/chunk 1/);
  second.child.kill('SIGKILL');
}, 120_000);
