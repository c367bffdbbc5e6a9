import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres } from '@/test/harness/postgres';
import { median, treeCpuMs } from './procedures';

/**
 * `npm run bench:recording-store`: the recorder's write path alone (RecordingLog into a store,
 * pausing while the store is behind, as the recorder does), file store against PostgreSQL
 * store (several sealed chunks in flight, and one at a time as before), alternating run by run
 * in one process so drift on the machine hits all alike. No
 * sshd, masker or browser: what differs between the stores shows here undiluted; the whole
 * data path is bench:terminal's (`--store=postgres`).
 *
 *   --mb=N        output per run (default 200)
 *   --rounds=N    runs per store (default 3)
 *   --data=text   `ls -l`-like lines instead of base64 (bench:terminal's `cat` file)
 */

/** `postgres-serial`: the PostgreSQL writer storing one sealed chunk at a time (before several were in flight). */
const STORES = ['file', 'postgres', 'postgres-serial'] as const;
type Store = (typeof STORES)[number];
type Options = { mb: number; rounds: number; data: 'base64' | 'text' };

const MB = 1e6;
const EVENT_BYTES = 32 * 1024;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function parseOptions(argv: string[]): Options {
  const options: Options = { mb: 200, rounds: 3, data: 'base64' };
  for (const arg of argv) {
    if (arg.startsWith('--mb=')) options.mb = Number(arg.slice(5));
    else if (arg.startsWith('--rounds=')) options.rounds = Number(arg.slice(9));
    else if (arg === '--data=text' || arg === '--data=base64') options.data = arg.slice(7) as Options['data'];
    else throw new Error(`unknown option ${arg}`);
  }
  if (!(options.mb > 0 && options.rounds > 0)) throw new Error('--mb and --rounds take positive numbers');
  return options;
}

function sampleOutput(data: Options['data']): Buffer {
  if (data === 'text') {
    return Buffer.from(Array.from({ length: 40_000 }, (_, i) => `-rw-r--r-- 1 deploy deploy ${4096 + i * 7} Dec  4 17:08 app-${i}.log\r\n`).join(''));
  }
  return Buffer.from(
    randomBytes(3 * 2 ** 20)
      .toString('base64')
      .replace(/(.{76})/g, '$1\r\n'),
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-store-'));
  Object.assign(process.env, {
    NODE_ENV: 'production',
    PORTHOLE_PUBLIC_URL: 'http://127.0.0.1:1',
    PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
    PORTHOLE_DATA_DIR: dataDir,
    PORTHOLE_DEMO: '0',
  });
  const postgres = await startPostgres();
  try {
    const { openDb, setDb } = await import('@/db/client');
    setDb(await openDb({ driver: 'postgres', url: await postgres.createDatabase('bench_store') }));
    const record = await recorder(sampleOutput(options.data), options.mb * MB, () => treeCpuMs(postgres.pid));
    const rates: Record<Store, number[]> = { file: [], postgres: [], 'postgres-serial': [] };
    const serverCpu: Record<Store, number[]> = { file: [], postgres: [], 'postgres-serial': [] };
    log(`load average ${os.loadavg()[0]!.toFixed(2)} at the start`);
    for (let round = 0; round < options.rounds; round++) {
      for (const store of STORES) {
        const run = await record(store);
        rates[store].push(run.mbPerSecond);
        serverCpu[store].push(run.serverCpuMsPerMb);
        log(
          `${store.padEnd(15)} ${run.mbPerSecond.toFixed(1)} MB/s, ${run.cpuMsPerMb.toFixed(1)} ms CPU/MB in this process, ${run.serverCpuMsPerMb.toFixed(1)} in PostgreSQL`,
        );
      }
    }
    const spread = (store: Store) => `${median(rates[store]).toFixed(1)} (${Math.min(...rates[store]).toFixed(1)}–${Math.max(...rates[store]).toFixed(1)})`;
    const ratio = (store: Store) => (median(rates[store]) / median(rates.file)).toFixed(2);
    log(`load average ${os.loadavg()[0]!.toFixed(2)} at the end`);
    log(
      `median (min–max) of ${options.rounds}, MB/s (${options.data}): file ${spread('file')}, postgres ${spread('postgres')} = ${ratio('postgres')}× file, postgres one chunk at a time ${spread('postgres-serial')} = ${ratio('postgres-serial')}×`,
    );
    log(
      `PostgreSQL's own CPU per MB recorded, median: postgres ${median(serverCpu.postgres).toFixed(1)} ms, one chunk at a time ${median(serverCpu['postgres-serial']).toFixed(1)} ms`,
    );
  } finally {
    await postgres.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A function that records `total` bytes of `sample` (repeated) into a new recording of a store,
 * and measures the CPU time of this process and of the database server (`serverCpuMs`).
 */
async function recorder(sample: Buffer, total: number, serverCpuMs: () => number) {
  const { sql } = await import('drizzle-orm');
  const { db } = await import('@/db/client');
  const { recordings } = await import('@/db/recording-schema');
  const { sessions } = await import('@/db/schema');
  const { createUser } = await import('@/server/users/create-user');
  const { RecordingLog } = await import('@/server/recording/recording-log');
  const { recordingStore } = await import('@/server/recording/stores/select-store');
  const user = await createUser({ actor: null, input: { email: 'bench@porthole.test', name: 'Bench', password: randomBytes(12).toString('hex'), roles: [] } });

  return async (store: Store) => {
    const id = randomUUID();
    await db()
      .insert(sessions)
      .values({ id, userId: user.id, resourceName: 'bench', resourceType: 'ssh', status: 'active', startedAt: sql`now()` });
    const kind = store === 'file' ? 'file' : 'postgres';
    await db().insert(recordings).values({ id, userId: user.id, store: kind, formatVersion: 1, cols: 80, rows: 24 });
    const failed = (error: Error) => {
      throw error;
    };
    const writer = await recordingStore(kind).create(id, failed);
    // The same writer, told to take one chunk at a time: it then stores each without a transaction, as before.
    if (store === 'postgres-serial') Object.defineProperty(writer, 'chunksInFlight', { value: 1 });
    let resume: (() => void) | undefined;
    let isBehind = false;
    const onBehind = (behind: boolean) => {
      isBehind = behind;
      if (!behind) resume?.();
    };
    const recording = new RecordingLog({ recordingId: id, writer, isBatching: true, onBehind, onError: failed });
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    const serverBefore = serverCpuMs();
    // An SSH channel's reads, four to a turn of the event loop.
    for (let sent = 0, offset = 0; sent < total;) {
      for (let k = 0; k < 4 && sent < total; k++, sent += EVENT_BYTES, offset += EVENT_BYTES) {
        if (offset + EVENT_BYTES > sample.length) offset = 0;
        recording.append('o', sample.subarray(offset, offset + EVENT_BYTES));
      }
      recording.flushWrites();
      await new Promise((resolve) => setImmediate(resolve));
      if (isBehind) await new Promise<void>((resolve) => (resume = resolve));
    }
    await recording.finish();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    return {
      mbPerSecond: total / MB / seconds,
      cpuMsPerMb: (cpu.user + cpu.system) / 1000 / (total / MB),
      serverCpuMsPerMb: (serverCpuMs() - serverBefore) / (total / MB),
    };
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
