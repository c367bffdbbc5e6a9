import { eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { FORMAT_VERSION } from './format';
import { RecordingRowWriter } from './recording-row';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function liveRecording(): Promise<string> {
  const { user } = await makeUser();
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'host', resourceType: 'ssh', status: 'active', startedAt: sql`now()` })
    .returning();
  await db().insert(recordings).values({ id: session!.id, userId: user.id, store: 'file', formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
  return session!.id;
}

async function chunkCount(id: string): Promise<number | undefined> {
  const [row] = await db().select({ chunkCount: recordings.chunkCount }).from(recordings).where(eq(recordings.id, id));
  return row?.chunkCount;
}

describeEachDriver('recording row writer', () => {
  it('writes progress at most once per interval, with the latest values', async () => {
    const id = await liveRecording();
    const row = new RecordingRowWriter(id, 100);
    for (let i = 1; i <= 20; i++) row.progress(() => ({ chunkCount: i }));
    await sleep(30);
    expect(await chunkCount(id)).toBe(1);
    await sleep(150);
    expect(await chunkCount(id)).toBe(20);
  });

  it('the final write comes last: no progress lands after it', async () => {
    const id = await liveRecording();
    const row = new RecordingRowWriter(id, 50);
    row.progress(() => ({ chunkCount: 1 }));
    row.progress(() => ({ chunkCount: 2 }));
    await row.final({ chunkCount: 3, status: 'complete' });
    row.progress(() => ({ chunkCount: 4 }));
    await sleep(120);
    expect(await chunkCount(id)).toBe(3);
  });
});
