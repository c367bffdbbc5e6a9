import { parentPort, workerData } from 'node:worker_threads';
import { IndexBuilder, type IndexedEvent } from './index-builder';
import { screenSecretFinder, type ScreenRules, type SecretFinder } from './screen-secrets';

/**
 * Runs IndexBuilders off the main thread: the gateway keeps relaying keystrokes while a long
 * recording is indexed. One worker serves one recording after another (`start` begins the
 * next; starting a worker and loading the indexer per recording cost more than indexing a
 * small one). The parent sends events a batch at a time and waits for each batch's
 * acknowledgement, so at most one batch is in memory here.
 */

type Job = { cols: number; rows: number; duration: number; rules: ScreenRules };
type Message = { type: 'start'; job: Job } | { type: 'events'; events: (Omit<IndexedEvent, 'data'> & { data: Uint8Array })[] } | { type: 'end' };

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
      if (message.type === 'events') {
        for (const event of message.events) await builder.add({ ...event, data: Buffer.from(event.data.buffer, event.data.byteOffset, event.data.byteLength) });
        parentPort?.postMessage({ type: 'ack' });
      } else {
        const result = await builder.finish();
        builder = null;
        parentPort?.postMessage({ type: 'done', result });
      }
    })
    .catch((error: unknown) => parentPort?.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
