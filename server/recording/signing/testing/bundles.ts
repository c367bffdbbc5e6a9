import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings, type RecordingStoreKind } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import type { Actor } from '@/server/actor/actor';
import { FORMAT_VERSION } from '../../format';
import { statsColumns } from '../../recorder';
import { RecordingLog } from '../../recording-log';
import { recordingStore } from '../../stores/select-store';
import { exportBundle } from '../export-bundle';
import { tarEnd, tarEntry } from '../tar-writer';

/** A session row and an empty recording row in `store`, owned by the actor's user. */
export async function recordingRows(actor: Actor, store: RecordingStoreKind, status: 'active' | 'ended' = 'ended') {
  const [session] = await db()
    .insert(sessions)
    .values({ userId: actor.id, resourceName: 'db-prod', resourceType: 'ssh', status, startedAt: sql`now()` })
    .returning();
  const id = session!.id;
  await db().insert(recordings).values({ id, userId: actor.id, store, formatVersion: FORMAT_VERSION, cols: 80, rows: 24 });
  return id;
}

/** A recording of `chunks` small chunks written through the real log and store, sealed (not signed yet). */
export async function sealedRecording(actor: Actor, store: RecordingStoreKind, chunks = 4) {
  const id = await recordingRows(actor, store);
  const onError = (error: Error) => {
    throw error;
  };
  let now = 0;
  const log = new RecordingLog({ recordingId: id, writer: await recordingStore(store).create(id, onError), clock: () => now, chunkBytes: 2048, onError });
  for (let i = 0; i < chunks; i++) {
    now = i;
    log.append('o', Buffer.from(`chunk ${i}: ${'ls -la /etc '.repeat(200)}\r\n`));
  }
  const stats = await log.finish();
  await db()
    .update(recordings)
    .set({ ...statsColumns(stats), status: 'complete', endedAt: sql`now()` })
    .where(eq(recordings.id, id));
  return id;
}

export async function downloadBundle(actor: Actor, recordingId: string): Promise<Buffer> {
  const file = await exportBundle({ actor, recordingId });
  return Buffer.from(await new Response(file.body).arrayBuffer());
}

/** Rebuilds a bundle from (possibly tampered) entries, in the order given. */
export function writeBundle(entries: [string, Buffer][]): Buffer {
  const mtime = new Date(0);
  return Buffer.concat([...entries.flatMap(([name, data]) => tarEntry(`recording-x/${name}`, data, mtime)), tarEnd()]);
}

const VERIFIER = path.resolve(__dirname, '../../../../scripts/verify-recording.mjs');

/** Runs the offline verifier as a user would: a file on disk, a child process. */
export async function runVerifier(bundle: Buffer, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bundle-'));
  const file = path.join(dir, 'recording.tar');
  fs.writeFileSync(file, bundle);
  try {
    return await new Promise((resolve) => {
      execFile(process.execPath, [VERIFIER, file, ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
