import { parentPort, workerData } from 'node:worker_threads';
import { IndexBuilder, type IndexedEvent } from './index-builder';
import { screenSecretFinder, type ScreenRules } from './screen-secrets';

/**
 * Runs an IndexBuilder off the main thread: the gateway keeps relaying keystrokes while a
 * long recording is indexed. The parent sends events a batch at a time and waits for each
 * batch's acknowledgement, so at most one batch is in memory here.
 */

type Message = { type: 'events'; events: (Omit<IndexedEvent, 'data'> & { data: Uint8Array })[] } | { type: 'end' };

const { rules, ...size } = workerData as { cols: number; rows: number; duration: number; rules: ScreenRules };
const builder = new IndexBuilder({ ...size, findSecrets: screenSecretFinder(rules) });
let queue = Promise.resolve();

parentPort?.on('message', (message: Message) => {
  queue = queue
    .then(async () => {
      if (message.type === 'events') {
        for (const event of message.events) await builder.add({ ...event, data: Buffer.from(event.data.buffer, event.data.byteOffset, event.data.byteLength) });
        parentPort?.postMessage({ type: 'ack' });
      } else {
        parentPort?.postMessage({ type: 'done', result: await builder.finish() });
      }
    })
    .catch((error: unknown) => parentPort?.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
});
