import { describe, expect, it } from 'vitest';
import { decodeKeyframe } from './format';
import { IndexBuilder, KEYFRAME_SECONDS, type IndexedEvent } from './index-builder';
import { screenSecretFinder } from './screen-secrets';

const PROMPT = '\x1b[?2004h\x1b[01;32mdev@box\x1b[00m:~$ ';

/**
 * The indexer's terminal parses synchronously: waiting for xterm's timer-driven parse at every
 * line the command tracker reads made indexing wait on the event loop (wall time ~2× CPU time).
 * No timer or I/O callback may run while a recording's events are added.
 */
it('indexes a shell recording without waiting on the event loop between lines', async () => {
  const builder = new IndexBuilder({ cols: 80, rows: 24, duration: 100, findSecrets: screenSecretFinder({ overrides: {}, custom: [] }) });
  let hasYielded = false;
  const immediate = setImmediate(() => (hasYielded = true));
  let index = 0;
  const add = (t: number, kind: 'o' | 'i', data: string) => builder.add({ t, kind, data: Buffer.from(data), chunkSeq: 0, index: index++ });
  await add(0, 'o', PROMPT);
  for (let i = 0; i < 50; i++) {
    const t = 1 + i;
    await add(t, 'i', `echo line-${i}\r`);
    await add(t + 0.01, 'o', `echo line-${i}\r\n\x1b[?2004l\r`);
    await add(t + 0.02, 'o', `line-${i}\r\nsecond \x1b[1Gline ${i}\r\n`);
    await add(t + 0.03, 'o', PROMPT);
  }
  const result = await builder.finish();
  expect(hasYielded).toBe(false);
  clearImmediate(immediate);
  expect(result.commands.map((command) => command.text)).toEqual(Array.from({ length: 50 }, (_, i) => `echo line-${i}`));
  expect(result.searchLines.some((line) => line.text === 'line 49')).toBe(true);
});

/**
 * The insider review's case: a key split by an escape xterm ignores whole (`\e[!0m`) in the
 * output a failure is read from. The command list and insights store that line as the failure's
 * reason; it held the key while the screen and search were masked. The command's text and
 * reason are now checked like search lines too (maskLine), behind the screen check.
 */
it('never stores a secret formed on the screen in a command’s text or the failure its output shows', async () => {
  const builder = new IndexBuilder({ cols: 80, rows: 24, duration: 10, findSecrets: screenSecretFinder({ overrides: {}, custom: [] }) });
  let index = 0;
  const add = (t: number, kind: 'o' | 'i', data: string) => builder.add({ t, kind, data: Buffer.from(data), chunkSeq: 0, index: index++ });
  await add(0, 'o', PROMPT);
  await add(1, 'i', 'deploy\r');
  await add(1.01, 'o', 'deploy\r\n\x1b[?2004l\r');
  // On screen: `fatal: AKIAQ1W2E3R4T5Y6U7I8 Permission denied`.
  await add(1.02, 'o', 'starting\r\nfatal: AKIAQ1W2E3R4\x1b[!0mT5Y6U7I8 Permission denied\r\n');
  await add(1.03, 'o', PROMPT);
  const { commands } = await builder.finish();
  const deploy = commands.find((command) => command.text === 'deploy');
  expect(deploy?.failureReason).toMatch(/Permission denied/);
  expect(deploy?.failureReason).not.toMatch(/Q1W2E3R4|T5Y6U7I8/);
});

function eventsOf(steps: [t: number, data: string][]): IndexedEvent[] {
  return steps.map(([t, data], index) => ({ t, kind: 'o', data: Buffer.from(data), chunkSeq: 0, index }));
}

async function keyframesOf(events: IndexedEvent[], takesKeyframes?: boolean) {
  const builder = new IndexBuilder({ cols: 80, rows: 24, duration: events.at(-1)!.t, takesKeyframes });
  for (const event of events) await builder.add(event);
  return (await builder.finish()).keyframes;
}

describe('IndexBuilder keyframes', () => {
  const events = eventsOf([
    [0, 'first screen\r\n'],
    [KEYFRAME_SECONDS + 1, 'later\r\n'],
  ]);

  it('takes a terminal recording’s keyframes encoded, each in a buffer of its own size, the screen in them', async () => {
    const keyframes = await keyframesOf(events);
    expect(keyframes).toHaveLength(1);
    const [{ t, bytes }] = keyframes as [(typeof keyframes)[number]];
    expect(t).toBe(KEYFRAME_SECONDS + 1);
    expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
    expect(decodeKeyframe(Buffer.from(bytes)).data).toContain('first screen');
  });

  it('takes none where seeking needs none (a SQL or HTTP console’s recording)', async () => {
    expect(await keyframesOf(events, false)).toEqual([]);
  });
});
