import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import type { Sink, StageContext } from '../relay/pipeline';
import { SessionWatch } from './session-watch';

/**
 * A watcher's first screen and what follows it, over a real WebSocket: what came while the
 * screen was being taken is neither lost nor sent twice, and a resize meanwhile reaches it.
 */
type Received = { controls: Array<Record<string, unknown>>; output: () => string };

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

/** A watch on a session of `size`, its output sink, and a way to add a watcher that records what it is sent. */
async function watchedSession(size: { cols: number; rows: number }) {
  const watch = new SessionWatch(size);
  const recorder = (next: Sink) => next;
  const discard: Sink = { write: () => {}, event: () => {}, end: () => {} };
  const output = watch.tap(recorder)(discard, {} as StageContext);
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  closers.push(() => {
    watch.close({ reason: 'terminated', message: 'test over' });
    server.close();
  });
  const addWatcher = async (): Promise<Received> => {
    const joined = new Promise<WebSocket>((resolve) => server.once('connection', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const controls: Received['controls'] = [];
    const chunks: Buffer[] = [];
    client.on('message', (data: Buffer, isBinary) =>
      isBinary ? chunks.push(data) : controls.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>),
    );
    watch.add({ id: 'w1', name: 'Ada Auditor' }, await joined, () => {});
    return { controls, output: () => Buffer.concat(chunks).toString('utf8') };
  };
  return { watch, write: (text: string) => output.write(Buffer.from(text)), addWatcher };
}

async function until(isDone: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !isDone(); waited += 10) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('a watcher joining while the screen catches up on a flood gets the newest output once, then live output', async () => {
  const session = await watchedSession({ cols: 80, rows: 24 });
  const first = await session.addWatcher();
  await until(() => first.controls.some((m) => m.type === 'screen'), 'the first screen');
  // Faster than the screen parses: it falls behind and will be redrawn from the newest output.
  const block = Array.from({ length: 1000 }, (_, i) => `flood line ${i}\r\n`).join('');
  for (let i = 0; i < 400; i++) session.write(block);
  session.write('the last flood line\r\n');

  const late = await session.addWatcher();
  session.write('said while the screen was taken\r\n');
  await until(() => late.controls.some((m) => m.type === 'screen'), 'the late watcher’s screen');
  session.write('live after the screen\r\n');
  await until(() => late.output().includes('live after the screen'), 'live output');
  const seen = late.output();
  expect(seen).toContain('the last flood line');
  expect(seen.split('said while the screen was taken').length - 1).toBe(1);
  expect(seen.split('the last flood line').length - 1).toBe(1);
}, 60_000);

it('a resize while a watcher’s screen is taken reaches the watcher after the screen', async () => {
  const session = await watchedSession({ cols: 80, rows: 24 });
  session.write('before the watcher\r\n');
  const watcher = await session.addWatcher();
  session.watch.resize(120, 40);
  session.write('at the new size\r\n');
  await until(() => watcher.output().includes('at the new size'), 'output after the resize');
  const screen = watcher.controls.find((m) => m.type === 'screen');
  const resized = watcher.controls.find((m) => m.type === 'size');
  expect(screen).toBeDefined();
  // The screen was taken at the old size or the new one; either way the watcher ends at 120×40.
  expect(resized ?? screen).toMatchObject({ cols: 120, rows: 40 });
});
