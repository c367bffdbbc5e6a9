import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { storedChunkEvents } from './format';
import { IndexBuilder } from './index-builder';
import { screenSecretFinder, type ScreenRules, type SecretFinder } from './screen-secrets';

/**
 * Runs IndexBuilders off the main thread: the gateway keeps relaying keystrokes while a long
 * recording is indexed. One worker serves one recording after another (`start` begins the
 * next; starting a worker and loading the indexer per recording cost more than indexing a
 * small one). The parent sends the chunks as stored, one at a time, and waits for each one's
 * acknowledgement: decompressing and decoding happen here too, and at most one chunk is in
 * memory here.
 */

/** `takesKeyframes` absent: true (a terminal's recording). */
type Job = { cols: number; rows: number; duration: number; takesKeyframes?: boolean; rules: ScreenRules };
type Message = { type: 'start'; job: Job } | { type: 'chunk'; seq: number; isSealed: boolean; bytes: Uint8Array } | { type: 'end' };

/**
 * Live sessions first: on Linux each thread has its own nice value, and this one takes the
 * lowest, so on a busy machine indexing gets the CPU the sessions leave. Elsewhere (or when
 * /proc is not there) it keeps the process's priority.
 */
function yieldToLiveSessions(): void {
  try {
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) os.setPriority(threadId, os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: indexing runs at the process's priority.
  }
}
yieldToLiveSessions();

/** The masker compiled for the last rules: recordings of one resource share them. */
let finder: { key: string; find: SecretFinder } | undefined;
function builderFor({ rules, ...size }: Job): IndexBuilder {
  const key = JSON.stringify(rules);
  if (finder?.key !== key) finder = { key, find: screenSecretFinder(rules) };
  return new IndexBuilder({ ...size, findSecrets: finder.find });
}

// A worker started with a job's data begins it at once.
let builder: IndexBuilder | null = workerData ? builderFor(workerData as Job) : null;
let queue = Promise.resolve();

parentPort?.on('message', (message: Message) => {
  queue = queue
    .then(async () => {
      if (message.type === 'start') {
        builder = builderFor(message.job);
        return;
      }
      if (!builder) throw new Error('no indexing job started');
      if (message.type === 'chunk') {
        const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
        const events = storedChunkEvents({ seq: message.seq, isSealed: message.isSealed, bytes });
        for (let index = 0; index < events.length; index++) await builder.add({ ...events[index]!, chunkSeq: message.seq, index });
        parentPort?.postMessage({ type: 'ack' });
      } else {
        const result = await builder.finish();
        builder = null;
        parentPort?.postMessage({ type: 'done', result });
      }
    })
    .catch((error: unknown) => parentPort?.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
