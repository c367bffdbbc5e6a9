import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { searchRecordings } from '../search/search-recordings';
import { recordSynthetic, type SyntheticEvent } from '../search/testing/synthetic-recording';
import { tallies } from '../metrics/tallies';
import { indexRecording } from './index-recording';
import { keptIndexWorkerThreadId } from './index-worker-client';

/** The nice value of each thread of this process (Linux: field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    values.set(Number(tid), Number(fields[16]));
  }
  return values;
}

describeEachDriver('indexing worker', (driver) => {
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: driver === 'pglite' ? 'file' : 'postgres' }));
  afterEach(() => vi.restoreAllMocks());

  // Starting a worker (and loading the indexer into it) per recording cost more than indexing a small one.
  it('indexes one recording after another in the same worker thread', async () => {
    const { user, actor } = await makeUser();
    await recordSynthetic({ userId: user.id, events: [[0.5, 'o', 'first-recording output\r\n']] });
    const thread = keptIndexWorkerThreadId();
    expect(thread).not.toBeNull();
    await recordSynthetic({ userId: user.id, events: [[0.5, 'o', 'second-recording output\r\n']] });
    expect(keptIndexWorkerThreadId()).toBe(thread);
    expect((await searchRecordings({ actor, query: { q: 'output' } })).total).toBe(2);
  });

  // A 100 MB recording keeps a core busy for tens of seconds: live sessions must come first.
  it.runIf(process.platform === 'linux')('indexes at the lowest priority, leaving the rest of the process at its own', async () => {
    const { user } = await makeUser();
    await recordSynthetic({ userId: user.id, events: [[0.5, 'o', 'output to index\r\n']] });
    expect(keptIndexWorkerThreadId()).not.toBeNull();
    const nice = threadNiceValues();
    expect([...nice.values()]).toContain(19);
    expect(nice.get(process.pid)).toBe(0);
  });

  // Even at the lowest priority the worker slows a bulk cat on a small machine: it waits for quiet.
  it('waits between chunks while live sessions relay bulk output, and goes on once they stop', async () => {
    const { user, actor } = await makeUser();
    // Two chunks (a chunk holds 512 KiB of frames): the pause comes before the second.
    const events = Array.from({ length: 9000 }, (_, i): SyntheticEvent => [i / 1000, 'o', `paced-output line ${i} ${'x'.repeat(50)}\r\n`]);
    const id = await recordSynthetic({ userId: user.id, events, skipIndex: true });
    const flow = setInterval(() => (tallies().relayedBytes.output += 256 * 1024), 20);
    let isDone = false;
    const indexing = indexRecording(id).finally(() => (isDone = true));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(isDone).toBe(false);
    } finally {
      clearInterval(flow);
    }
    await indexing;
    expect((await searchRecordings({ actor, query: { q: 'paced-output' } })).total).toBe(1);
  });

  // A thread terminated while it creates a Brotli decoder aborts the whole process on Node 24
  // ("close before init"), ending every live session: an aborted job's worker is ended only once
  // it has answered the chunk it was given.
  it("ends an aborted job's worker only after it has answered the chunk it is on", async () => {
    const { user } = await makeUser();
    const events = Array.from({ length: 9000 }, (_, i): SyntheticEvent => [i / 1000, 'o', `aborted-job line ${i} ${'y'.repeat(50)}\r\n`]);
    const id = await recordSynthetic({ userId: user.id, events, skipIndex: true });
    const controller = new AbortController();
    const steps: string[] = [];
    // The originals, called with the worker as `this` by the spies below.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { postMessage, emit } = Worker.prototype;
    vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: { type: string }, transfer) {
      steps.push(`sent ${message.type}`);
      postMessage.call(this, message, transfer);
      // Aborted while the worker decodes its first chunk.
      if (message.type === 'chunk') controller.abort(new Error('purged meanwhile'));
    });
    vi.spyOn(Worker.prototype, 'emit').mockImplementation(function (this: Worker, event: string | symbol, ...args: unknown[]) {
      if (event === 'message') steps.push(`answered ${(args[0] as { type: string }).type}`);
      if (event === 'exit') steps.push('ended');
      return emit.call(this, event, ...args);
    });

    await indexRecording(id, controller.signal);

    expect(steps.slice(steps.indexOf('sent chunk'))).toEqual(['sent chunk', 'answered ack', 'ended']);
    expect(keptIndexWorkerThreadId()).toBeNull();
  });
});
