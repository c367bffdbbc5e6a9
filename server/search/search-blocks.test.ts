import { eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordingSearchStates, searchEntries } from '@/db/search-schema';
import { BLOCK_CHARS, blockLines, toBlocks } from '@/server/recording/search-blocks';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeUser } from '@/test/factories';
import { backfillSearch } from './backfill-search';
import { searchRecording } from './search-recording';
import { searchRecordings } from './search-recordings';
import { rowsOf } from './search-sql';
import { recordSynthetic, type SyntheticEvent } from './testing/synthetic-recording';

/** `count` log lines, each printed in its own event 10 ms after the one before, from t = 1 s. */
function logLines(count: number, lineAt: (i: number) => string): SyntheticEvent[] {
  return Array.from({ length: count }, (_, i): SyntheticEvent => [1 + i * 0.01, 'o', `${lineAt(i)}\r\n`]);
}

const lineAt = (i: number) =>
  i === 451 ? 'INFO worker finished needle-alpha after the retry' : `INFO line ${i} worker ${i % 3 === 0 ? 'replica' : 'primary'} ok`;

describeEachDriver('search blocks', (driver) => {
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: driver === 'pglite' ? 'file' : 'postgres' }));

  it('stores long output in a few blocks of lines, and finds each line at its own moment', async () => {
    const { user, actor } = await makeUser();
    const id = await recordSynthetic({ userId: user.id, events: logLines(900, lineAt) });

    const rows = await db().select().from(searchEntries).where(eq(searchEntries.recordingId, id));
    // A row per line was 900 rows; in blocks of ~64 KB, 900 short lines take one.
    expect(rows.length).toBeLessThan(10);

    const found = await searchRecordings({ actor, query: { q: 'needle-alpha' } });
    expect(found.recordings[0]!.hits).toHaveLength(1);
    expect(found.recordings[0]!.hits[0]!.t).toBeCloseTo(1 + 451 * 0.01, 4);
    expect(found.recordings[0]!.hits[0]!.snippet).toContain('needle-alpha after the retry');

    // The find bar: every matching line of every block, in order, each at its moment.
    const replica = await searchRecording({ actor, recordingId: id, query: { q: 'replica' } });
    expect(replica.hits).toHaveLength(300);
    expect(replica.hits.map((hit) => hit.t)).toEqual(Array.from({ length: 300 }, (_, k) => expect.closeTo(1 + k * 3 * 0.01, 4) as number));
    // Across recordings: five hits shown, all 300 counted.
    const group = (await searchRecordings({ actor, query: { q: 'replica' } })).recordings[0]!;
    expect(group.hits).toHaveLength(5);
    expect(group.hitCount).toBe(300);
    expect(group.isHitCountExact).toBe(true);
  });

  it('says the count is an estimate when more blocks matched than were read for the hits shown', async () => {
    const { user, actor } = await makeUser();
    // About 600 KB of lines, 'replica' in every third: more blocks than the five read per recording.
    const padded = (i: number) => `${lineAt(i)} ${'-'.repeat(110)}`;
    const id = await recordSynthetic({ userId: user.id, events: logLines(4500, padded) });
    const blocks = await db().select().from(searchEntries).where(eq(searchEntries.recordingId, id));
    expect(blocks.filter((row) => row.text.includes('replica')).length).toBeGreaterThan(5);

    const group = (await searchRecordings({ actor, query: { q: 'replica' } })).recordings[0]!;
    expect(group.isHitCountExact).toBe(false);
    expect(group.hitCount).toBeGreaterThan(5);
    expect(group.hitCount).toBeLessThan(1500);
    // The find bar reads every block: the exact count.
    expect((await searchRecording({ actor, recordingId: id, query: { q: 'replica' } })).hits).toHaveLength(1500);
  });

  it('indexes again, at start-up, a recording indexed in an older layout', async () => {
    const { user, actor } = await makeUser();
    const id = await recordSynthetic({ userId: user.id, events: logLines(20, lineAt) });
    await db().update(recordingSearchStates).set({ version: 1 }).where(eq(recordingSearchStates.recordingId, id));

    expect((await searchRecordings({ actor, query: { q: 'replica' } })).indexing).toEqual({ done: 0, total: 1 });
    expect(await backfillSearch()).toBe(1);
    const after = await searchRecordings({ actor, query: { q: 'replica' } });
    expect(after.indexing).toBeNull();
    expect(after.recordings[0]!.hitCount).toBe(7);
    expect(await backfillSearch()).toBe(0);
  });

  it('keeps the search table its size when recordings are indexed again (the entries replaced are reclaimed)', async () => {
    const { user } = await makeUser();
    const id = await recordSynthetic({ userId: user.id, events: logLines(4000, lineAt) });
    // The rows' pages, in the table and its TOAST table (not the free space and visibility maps VACUUM adds).
    const tableSize = async () =>
      Number(
        rowsOf<{ bytes: string }>(
          await db().execute(
            sql`select pg_relation_size(c.oid) + pg_relation_size(c.reltoastrelid) as bytes from pg_class c where c.relname = 'search_entries'`,
          ),
        )[0]!.bytes,
      );
    const before = await tableSize();
    for (let upgrade = 0; upgrade < 6; upgrade++) {
      await db().update(recordingSearchStates).set({ version: 1 }).where(eq(recordingSearchStates.recordingId, id));
      expect(await backfillSearch()).toBe(1);
    }
    // Without reclaiming, the entries replaced stayed: more than twice the size after six upgrades.
    expect(await tableSize()).toBeLessThan(before * 1.5);
  });
});

it('keeps every line and its moment through a block, and starts a new block past BLOCK_CHARS', () => {
  const line = 'x'.repeat(100);
  const lines = Array.from({ length: Math.ceil((2.5 * BLOCK_CHARS) / 100) }, (_, i) => ({
    kind: 'output' as const,
    t: 2.5 + i * 0.0017,
    text: `${i} ${line}`,
    failed: false,
  }));
  const { blocks } = toBlocks(lines);
  expect(blocks.length).toBeGreaterThan(1);
  for (const block of blocks) expect(block.text.length).toBeLessThan(BLOCK_CHARS + 200);
  const back = blocks.flatMap((block) => blockLines(block.t, block.text, block.lineTimes));
  expect(back.map((l) => l.text)).toEqual(lines.map((l) => l.text));
  for (const [i, l] of back.entries()) expect(l.t).toBeCloseTo(lines[i]!.t, 6);
});
