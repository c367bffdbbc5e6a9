/**
 * Cross-recording search benchmark (issue #14 §2): generates a corpus of terminal output and
 * SQL across many recordings and users, records and indexes each through the recorder's log
 * and the index job (the same code a sealed recording goes through), then measures queries.
 *
 *   npm run bench:search -- [--rounds=5] [--db=pglite|postgres|both] [--mb=500] [--recording-kb=256]
 *                           [--users=25] [--runs=30] [--max-seconds=1800]
 *
 * Each round starts from an empty database; with --db=both the two drivers take turns, round by
 * round (interleaved). Reports, per driver, the median and min–max over the rounds of: indexing
 * MB per CPU-second (this process, the indexing worker included; for PostgreSQL also with its
 * server's CPU in a row of its own), recording MB per CPU-second apart, the search tables' size / raw text
 * (pg_total_relation_size), and p50/p95 per query kind with and without filters; and the load
 * average at the start and the end. --max-seconds bounds each round's corpus building.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { treeCpuMs } from './procedures';
import { runRound, type RoundFigures, type RoundOptions } from './search-round';

type Driver = 'pglite' | 'postgres';
const options: RoundOptions & { rounds: number; drivers: Driver[] } = {
  mb: 500,
  recordingKb: 256,
  users: 25,
  runs: 30,
  maxSeconds: 1800,
  rounds: 5,
  drivers: ['pglite'],
};
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.replace(/^--/, '').split('=');
  if (key === 'mb') options.mb = Number(value);
  else if (key === 'db' && (value === 'pglite' || value === 'postgres')) options.drivers = [value];
  else if (key === 'db' && value === 'both') options.drivers = ['pglite', 'postgres'];
  else if (key === 'rounds') options.rounds = Math.max(1, Number(value));
  else if (key === 'recording-kb') options.recordingKb = Number(value);
  else if (key === 'users') options.users = Number(value);
  else if (key === 'runs') options.runs = Number(value);
  else if (key === 'max-seconds') options.maxSeconds = Number(value);
  else throw new Error(`unknown option ${arg}`);
}

const MB = 1e6;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-search-'));
Object.assign(process.env, { NODE_ENV: 'production', PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'), PORTHOLE_DATA_DIR: dataDir, PORTHOLE_DEMO: '0' });

/** server/env.ts caches what it read: the store follows the driver, round by round. */
function useStoreFor(driver: Driver): void {
  process.env.PORTHOLE_RECORDING_STORE = driver === 'postgres' ? 'postgres' : 'file';
  delete (globalThis as { __portholeEnv?: unknown }).__portholeEnv;
}

const load = () => os.loadavg()[0]!.toFixed(2);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
/** "median (min–max)" of the rounds. */
function spread(values: number[], digits = 1): string {
  const s = sorted(values);
  const median = s[Math.floor((s.length - 1) / 2)]!;
  return s.length === 1 ? median.toFixed(digits) : `${median.toFixed(digits)} (${s[0]!.toFixed(digits)}–${s[s.length - 1]!.toFixed(digits)})`;
}

function printDriver(driver: Driver, rounds: RoundFigures[]): void {
  const first = rounds[0]!;
  console.log(`### ${driver}: ${rounds.length} round(s), ${first.recordingCount} recordings, ${(first.rawBytes / MB).toFixed(1)} MB a round\n`);
  console.log(`| measure | median (min–max) | target |\n|---|---|---|`);
  console.log(
    `| indexing, MB per CPU-second | ${spread(
      rounds.map((r) => r.rawBytes / MB / r.indexCpuSeconds),
      2,
    )} | ≥ 20 per core |`,
  );
  if (rounds.some((r) => r.indexServerCpuSeconds > 0)) {
    console.log(
      `| indexing, MB per CPU-second, PostgreSQL's server included | ${spread(
        rounds.map((r) => r.rawBytes / MB / (r.indexCpuSeconds + r.indexServerCpuSeconds)),
        2,
      )} | ≥ 20 per core |`,
    );
  }
  console.log(
    `| indexing, MB/s wall | ${spread(
      rounds.map((r) => r.rawBytes / MB / r.indexWallSeconds),
      2,
    )} | — |`,
  );
  console.log(
    `| recording (log + store), MB per CPU-second | ${spread(
      rounds.map((r) => r.rawBytes / MB / r.recordCpuSeconds),
      2,
    )} | — |`,
  );
  console.log(
    `| search rows | ${spread(
      rounds.map((r) => r.searchRows),
      0,
    )} | — |`,
  );
  console.log(
    `| search tables / raw text | ${spread(
      rounds.map((r) => r.searchBytes / r.rawBytes),
      3,
    )} | ≤ 0.3 |`,
  );
  for (const [part, name] of [
    ['table', 'text and tsvector (heap, TOAST)'],
    ['words', 'word index (GIN on the tsvector; numbers left out)'],
    ['trigrams', 'trigram index (GIN, pg_trgm)'],
    ['other', 'other indexes and recording_search_states'],
  ] as const) {
    console.log(
      `| … of which ${name} / raw text | ${spread(
        rounds.map((r) => r.searchParts[part] / r.rawBytes),
        3,
      )} | — |`,
    );
  }
  const minutes500 = 500 / sorted(rounds.map((r) => r.rawBytes / MB / r.indexCpuSeconds))[Math.floor((rounds.length - 1) / 2)]! / 60;
  console.log(`| 500 MB at this rate, CPU minutes | ${minutes500.toFixed(1)} | < 10 |\n`);
  console.log(`| as | query | q | recordings | p50 ms | p95 ms |\n|---|---|---|---|---|---|`);
  first.queries.forEach((query, i) => {
    const all = rounds.map((r) => r.queries[i]!);
    console.log(`| ${query.who} | ${query.name} | \`${query.q}\` | ${query.hits} | ${spread(all.map((f) => f.p50))} | ${spread(all.map((f) => f.p95))} |`);
  });
  console.log('');
}

async function main(): Promise<void> {
  const { openDb, setDb } = await import('@/db/client');
  const { startPostgres, createDatabase } = await import('@/test/harness/postgres');
  const postgres = options.drivers.includes('postgres') ? await startPostgres() : undefined;
  const results = new Map<Driver, RoundFigures[]>(options.drivers.map((driver) => [driver, []]));
  const loadAtStart = load();
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const driver of options.drivers) {
        log(`round ${round}/${options.rounds}, ${driver}, load ${load()}`);
        useStoreFor(driver);
        const handle =
          driver === 'postgres' && postgres
            ? await openDb({ driver: 'postgres', url: await createDatabase(postgres.url, `bench_search_${round}`) })
            : await openDb({ driver: 'pglite', dataDir: path.join(dataDir, `pglite-${round}`) });
        setDb(handle);
        try {
          const serverCpuMs = driver === 'postgres' && postgres ? () => treeCpuMs(postgres.pid) : undefined;
          results.get(driver)!.push(await runRound({ ...options, serverCpuMs }));
        } finally {
          const { stopIndexing } = await import('@/server/recording/index-queue');
          await stopIndexing();
          await handle.close();
        }
      }
    }
  } finally {
    await postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`## Search benchmark (${new Date().toISOString()}, ${os.cpus().length} cores, Node ${process.version})\n`);
  console.log(
    `Load average (1 min): ${loadAtStart} at the start, ${load()} at the end. Rounds ${options.drivers.length > 1 ? 'interleaved' : 'in sequence'}.\n`,
  );
  for (const [driver, rounds] of results) printDriver(driver, rounds);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
