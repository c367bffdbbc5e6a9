/**
 * Cross-recording search benchmark (issue #14 §2): generates a corpus of terminal output and
 * SQL across many recordings and users, records and indexes each through the recorder's log
 * and the index job (the same code a sealed recording goes through), then measures queries.
 *
 *   npm run bench:search -- [--mb=500] [--db=pglite|postgres] [--recording-kb=256] [--users=25]
 *                           [--runs=30] [--max-seconds=1800]
 *
 * Reports index build MB/s and CPU (this process, worker threads included; PostgreSQL's own
 * server CPU is not), index size / raw size (pg_total_relation_size of search_entries), and
 * query p50/p95 for word, phrase, prefix and substring queries with and without filters.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticRecording, VOCABULARY } from './search-corpus';

const options = { mb: 500, db: 'pglite' as 'pglite' | 'postgres', recordingKb: 256, users: 25, runs: 30, maxSeconds: 1800 };
for (const arg of process.argv.slice(2)) {
  const [key, value] = arg.replace(/^--/, '').split('=');
  if (key === 'mb') options.mb = Number(value);
  else if (key === 'db' && (value === 'pglite' || value === 'postgres')) options.db = value;
  else if (key === 'recording-kb') options.recordingKb = Number(value);
  else if (key === 'users') options.users = Number(value);
  else if (key === 'runs') options.runs = Number(value);
  else if (key === 'max-seconds') options.maxSeconds = Number(value);
  else throw new Error(`unknown option ${arg}`);
}

const MB = 1e6;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-search-'));
Object.assign(process.env, {
  NODE_ENV: 'production',
  PORTHOLE_SECRET_KEY: randomBytes(32).toString('hex'),
  PORTHOLE_DATA_DIR: dataDir,
  PORTHOLE_DEMO: '0',
  PORTHOLE_RECORDING_STORE: options.db === 'postgres' ? 'postgres' : 'file',
});

type Case = { name: string; q: string; filters?: Record<string, string> };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

type Actor = Awaited<ReturnType<typeof import('@/server/actor/actor').toActor>>;
type Build = { rawBytes: number; recordingCount: number; buildMs: number; cpuMicros: number };

/** One auditor (users[0]) and engineers; returns the users' ids in order. */
async function createBenchUsers(count: number): Promise<string[]> {
  const { createUser } = await import('@/server/users/create-user');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = {
      email: `bench-${i}@porthole.test`,
      name: `Bench ${i}`,
      password: randomBytes(12).toString('hex'),
      roles: i === 0 ? ['auditor' as const] : [],
    };
    ids.push((await createUser({ actor: null, input })).id);
  }
  return ids;
}

async function actorOf(id: string): Promise<Actor> {
  const { toActor } = await import('@/server/actor/actor');
  const { findUserById } = await import('@/server/users/find-user');
  return toActor((await findUserById(id))!, 'session');
}

/** Records synthetic sessions until the corpus reaches --mb (or --max-seconds); generation is timed apart, so the figures are the recorder's and indexer's. */
async function buildCorpus(ownerOf: (seed: number) => string): Promise<Build> {
  const { recordSynthetic } = await import('@/server/search/testing/synthetic-recording');
  const build: Build = { rawBytes: 0, recordingCount: 0, buildMs: 0, cpuMicros: 0 };
  const deadline = Date.now() + options.maxSeconds * 1000;
  const day0 = Date.UTC(2026, 0, 1);
  while (build.rawBytes < options.mb * MB && Date.now() < deadline) {
    const seed = build.recordingCount + 1;
    const corpus = syntheticRecording(seed, options.recordingKb * 1000);
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    await recordSynthetic({
      userId: ownerOf(seed),
      events: corpus.events,
      resourceType: corpus.kind,
      resourceName: `${corpus.kind}-${seed % 12}`,
      startedAt: new Date(day0 + (seed % 300) * 86_400_000),
      cols: 120,
      rows: 40,
    });
    build.buildMs += Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    build.cpuMicros += used.user + used.system;
    build.rawBytes += corpus.bytes;
    build.recordingCount++;
    if (build.recordingCount % 50 === 0) {
      log(`${build.recordingCount} recordings, ${fmt(build.rawBytes / MB)} MB, ${fmt(build.rawBytes / MB / (build.buildMs / 1000), 2)} MB/s`);
    }
  }
  return build;
}

async function indexSize(): Promise<{ total: number; heap: number; rows: number }> {
  const { db } = await import('@/db/client');
  const { sql } = await import('drizzle-orm');
  const result: unknown = await db().execute(
    sql`select pg_total_relation_size('search_entries') as total, pg_relation_size('search_entries') as heap, (select count(*) from search_entries) as rows`,
  );
  const row = (result as { rows: { total: string; heap: string; rows: string }[] }).rows[0]!;
  return { total: Number(row.total), heap: Number(row.heap), rows: Number(row.rows) };
}

const CASES: Case[] = [
  { name: 'word', q: 'replica' },
  { name: 'two words', q: 'payment timeout' },
  { name: 'phrase', q: '"connection refused"' },
  { name: 'prefix', q: 'schedu' },
  { name: 'substring', q: 'error: deadlock' },
  { name: 'substring path', q: '/var/log' },
  { name: 'word, filtered', q: 'replica', filters: { resourceType: 'ssh', kind: 'output', from: '2026-02-01', to: '2026-06-30' } },
  { name: 'prefix, filtered', q: 'schedu', filters: { resourceType: 'postgres', failedOnly: '1' } },
  { name: 'substring, filtered', q: 'error: deadlock', filters: { kind: 'sql', from: '2026-03-01', to: '2026-09-30' } },
  { name: 'phrase, relevance', q: '"connection refused"', filters: { sort: 'relevance' } },
];

/** Each case --runs times as each actor: one table row with the hit count, p50 and p95. */
async function timeQueries(actors: readonly (readonly [string, Actor])[]): Promise<string[]> {
  const { searchRecordings } = await import('@/server/search/search-recordings');
  const rows: string[] = [];
  for (const [who, actor] of actors) {
    for (const c of CASES) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < options.runs; i++) {
        const q = c.name === 'word' ? VOCABULARY[i % VOCABULARY.length]! : c.q;
        const start = process.hrtime.bigint();
        total = (await searchRecordings({ actor, query: { q, ...c.filters } })).total;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${who} | ${c.name} | \`${c.q}\` | ${total} | ${fmt(percentile(times, 0.5))} | ${fmt(percentile(times, 0.95))} |`);
    }
  }
  return rows;
}

function printReport(build: Build, size: { total: number; heap: number; rows: number }, queryRows: string[]): void {
  const { rawBytes, recordingCount, buildMs, cpuMicros } = build;
  const seconds = buildMs / 1000;
  console.log(`## Search benchmark (${options.db}, ${new Date().toISOString()}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})\n`);
  console.log(
    `Corpus: ${recordingCount} recordings of ~${options.recordingKb} KB by ${options.users - 1} engineers, ${fmt(rawBytes / MB)} MB of output and SQL events${rawBytes < options.mb * MB ? ` (stopped at --max-seconds=${options.maxSeconds})` : ''}.\n`,
  );
  console.log(`| index build | MB/s (wall) | CPU s | MB/s per CPU-second | search rows | index size | index / raw |`);
  console.log(`|---|---|---|---|---|---|---|`);
  console.log(
    `| ${fmt(seconds)} s | ${fmt(rawBytes / MB / seconds, 2)} | ${fmt(cpuMicros / 1e6)} | ${fmt(rawBytes / MB / (cpuMicros / 1e6), 2)} | ${size.rows} | ${fmt(size.total / MB)} MB (heap ${fmt(size.heap / MB)} MB) | ${fmt(size.total / rawBytes, 3)} |\n`,
  );
  console.log(`| as | query | q | recordings | p50 ms | p95 ms |`);
  console.log(`|---|---|---|---|---|---|`);
  for (const line of queryRows) console.log(line);
}

async function main(): Promise<void> {
  const { openDb, setDb } = await import('@/db/client');
  const { startPostgres, createDatabase } = await import('@/test/harness/postgres');
  const postgres = options.db === 'postgres' ? await startPostgres() : undefined;
  const handle = postgres
    ? await openDb({ driver: 'postgres', url: await createDatabase(postgres.url, 'bench_search') })
    : await openDb({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  setDb(handle);
  try {
    const users = await createBenchUsers(options.users);
    // Recordings are spread over the engineers; the engineer queries as the owner of the
    // first recording, so their queries have hits at any corpus size.
    const ownerOf = (seed: number) => users[1 + (seed % (users.length - 1))]!;
    const build = await buildCorpus(ownerOf);
    const size = await indexSize();
    const queryRows = await timeQueries([
      ['auditor (all)', await actorOf(users[0]!)],
      ['engineer (own)', await actorOf(ownerOf(1))],
    ]);
    printReport(build, size, queryRows);
  } finally {
    await handle.close();
    await postgres?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
