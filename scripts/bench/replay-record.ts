import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticSession, type CorpusEvent, type CorpusKind } from './replay-corpus';

/**
 * Part 1 of `npm run bench:replay`: a synthetic session recorded through RecordingLog into the
 * file store, then indexed as a finished recording is. Modules load lazily: the caller sets the
 * environment (data directory, store) first.
 */

const MB = 1e6;

export type Recorded = {
  id: string;
  userId: string;
  duration: number;
  cols: number;
  rows: number;
  outputBytes: number;
  chunkBytes: number;
  keyframeBytes: number;
  keyframes: number;
  recordCpuMsPerMb: number;
  indexSeconds: number;
};

export type StoredByKind = Record<CorpusKind, { raw: number; stored: number }>;

/**
 * A data directory and the environment the recording code reads (modules load lazily, after
 * this): a production gateway recording into files. Returns the directory, to remove at the end.
 */
export function useRecordingEnvironment(prefix: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PORTHOLE_DATA_DIR: dataDir,
    PORTHOLE_DEMO: '0',
    PORTHOLE_RECORDING_STORE: 'file',
  });
  return dataDir;
}

/** PGlite in memory and the user every round's recording belongs to; once per run. */
export async function setUpRecordings(): Promise<{ userId: string }> {
  const { openDb, setDb } = await import('@/db/client');
  const { createUser } = await import('@/server/users/create-user');
  setDb(await openDb({ driver: 'pglite' }));
  const user = await createUser({
    actor: null,
    input: { email: 'bench@porthole.test', name: 'Bench', password: randomBytes(12).toString('hex'), roles: ['engineer', 'admin'] },
  });
  return { userId: user.id };
}

/** One session of `seconds` and `outputBytes`, recorded and indexed; `events` come back for storedByKind. */
export async function recordSession(
  userId: string,
  {
    seconds,
    outputBytes,
    log,
    aroundIndexing = (index) => index(),
  }: { seconds: number; outputBytes: number; log: (line: string) => void; aroundIndexing?: (index: () => Promise<void>) => Promise<void> },
): Promise<{ recorded: Recorded; events: CorpusEvent[] }> {
  const { db } = await import('@/db/client');
  const { recordings } = await import('@/db/recording-schema');
  const { sessions } = await import('@/db/schema');
  const { RecordingLog } = await import('@/server/recording/recording-log');
  const { recordingStore } = await import('@/server/recording/stores/select-store');
  const { statsColumns } = await import('@/server/recording/recorder');
  const { indexRecording } = await import('@/server/recording/index-recording');
  const { eq } = await import('drizzle-orm');

  const id = randomUUID();
  const cols = 120;
  const rows = 40;
  await db().insert(sessions).values({ id, userId, resourceName: 'bench-host', resourceType: 'ssh', status: 'ended' });
  await db().insert(recordings).values({ id, userId, store: 'file', formatVersion: 1, cols, rows });

  const writer = await recordingStore('file').create(id, (error) => {
    throw error;
  });
  let now = 0;
  const recordingLog = new RecordingLog({
    recordingId: id,
    writer,
    clock: () => now,
    onError: (error) => {
      throw error;
    },
  });
  // Generated first, so the CPU figure is the recorder's alone.
  const events = [...syntheticSession({ seconds, outputBytes, cols, rows })];
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  for (const event of events) {
    now = event.t;
    recordingLog.append(event.kind, event.data);
  }
  const stats = await recordingLog.finish();
  const cpu = process.cpuUsage(cpuBefore);
  log(
    `recorded ${(stats.outputBytes / MB).toFixed(1)} MB of output over ${(stats.duration / 60).toFixed(1)} min in ${(Number(process.hrtime.bigint() - wallBefore) / 1e9).toFixed(2)} s`,
  );
  await db()
    .update(recordings)
    .set({ ...statsColumns(stats), status: 'complete', endedAt: new Date() })
    .where(eq(recordings.id, id));

  const indexStart = process.hrtime.bigint();
  await aroundIndexing(() => indexRecording(id));
  // indexRecording records a failure on the row instead of throwing: no figure from a failed index.
  const [indexed] = await db().select({ state: recordings.indexState }).from(recordings).where(eq(recordings.id, id));
  if (indexed?.state !== 'ready') throw new Error(`indexing the recording ended ${indexed?.state ?? 'without its row'}`);
  const indexSeconds = Number(process.hrtime.bigint() - indexStart) / 1e9;
  const keyframes = await recordingStore('file').listKeyframes(id);
  const keyframeBytes = keyframes.reduce((sum, k) => sum + k.storedBytes, 0);
  log(`indexed in ${indexSeconds.toFixed(2)} s: ${keyframes.length} keyframes, ${(keyframeBytes / MB).toFixed(2)} MB`);
  const recorded: Recorded = {
    id,
    userId,
    duration: stats.duration,
    cols,
    rows,
    outputBytes: stats.outputBytes,
    chunkBytes: stats.storedBytes,
    keyframeBytes,
    keyframes: keyframes.length,
    recordCpuMsPerMb: (cpu.user + cpu.system) / 1000 / (stats.outputBytes / MB),
    indexSeconds,
  };
  return { recorded, events };
}

/** Each kind of output alone, sealed as the recorder seals it (512 KB of frames): raw and stored bytes. */
export async function storedByKind(events: readonly CorpusEvent[]): Promise<StoredByKind> {
  const { encodeFrames, sealChunkSync } = await import('@/server/recording/format');
  const byKindRaw = new Map<CorpusKind, { frames: Buffer[]; raw: number }>();
  for (const event of events) {
    if (event.kind !== 'o') continue;
    const entry = byKindRaw.get(event.corpus) ?? { frames: [], raw: 0 };
    entry.frames.push(encodeFrames([{ t: event.t, kind: 'o', data: event.data }]));
    entry.raw += event.data.length;
    byKindRaw.set(event.corpus, entry);
  }
  const byKind = {} as StoredByKind;
  for (const [kind, entry] of byKindRaw) {
    const all = Buffer.concat(entry.frames);
    let stored = 0;
    for (let offset = 0; offset < all.length; offset += 512 * 1024) {
      const header = { seq: 0, eventCount: 0, rawBytes: 0, tStart: 0, tEnd: 0, prevHash: '0'.repeat(64) };
      stored += sealChunkSync(header, all.subarray(offset, offset + 512 * 1024)).bytes.length;
    }
    byKind[kind] = { raw: entry.raw, stored };
  }
  return byKind;
}
