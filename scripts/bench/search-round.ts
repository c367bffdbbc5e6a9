/**
 * One round of the search benchmark on a fresh, empty database: bench users, the corpus
 * recorded and indexed recording by recording, the search tables' size, then the queries.
 */
import { randomBytes } from 'node:crypto';
import { syntheticRecording, VOCABULARY } from './search-corpus';

export type RoundOptions = {
  mb: number;
  recordingKb: number;
  users: number;
  runs: number;
  maxSeconds: number;
  /** The database server's CPU time so far, in ms (PostgreSQL: its processes'); unset for PGlite, which runs in this process. */
  serverCpuMs?: () => number;
};
export type QueryFigure = { who: string; name: string; q: string; hits: number; p50: number; p95: number };
export type RoundFigures = {
  rawBytes: number;
  recordingCount: number;
  /** Recording (RecordingLog + store) and indexing (the index job: worker, command index, search entries), apart. */
  recordCpuSeconds: number;
  indexCpuSeconds: number;
  /** The database server's CPU in the index job (PostgreSQL; 0 for PGlite, whose work is in indexCpuSeconds). */
  indexServerCpuSeconds: number;
  indexWallSeconds: number;
  searchBytes: number;
  /** Parts of searchBytes: search_entries' heap and TOAST (the text, its tsvector), and each of its indexes. */
  searchParts: { table: number; words: number; trigrams: number; other: number };
  searchRows: number;
  queries: QueryFigure[];
};

type Actor = Awaited<ReturnType<typeof import('@/server/actor/actor').toActor>>;
type Case = { name: string; q: string; filters?: Record<string, string> };

const MB = 1e6;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

export const CASES: Case[] = [
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

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

/** Records, then indexes, synthetic sessions until the corpus reaches --mb (or --max-seconds); generation is not timed. */
async function buildCorpus(
  options: RoundOptions,
  ownerOf: (seed: number) => string,
): Promise<Omit<RoundFigures, 'searchBytes' | 'searchParts' | 'searchRows' | 'queries'>> {
  const { recordSynthetic } = await import('@/server/search/testing/synthetic-recording');
  const { indexRecording } = await import('@/server/recording/index-recording');
  const figures = { rawBytes: 0, recordingCount: 0, recordCpuSeconds: 0, indexCpuSeconds: 0, indexServerCpuSeconds: 0, indexWallSeconds: 0 };
  const serverCpuMs = options.serverCpuMs ?? (() => 0);
  const deadline = Date.now() + options.maxSeconds * 1000;
  const day0 = Date.UTC(2026, 0, 1);
  while (figures.rawBytes < options.mb * MB && Date.now() < deadline) {
    const seed = figures.recordingCount + 1;
    const corpus = syntheticRecording(seed, options.recordingKb * 1000);
    const recordCpu = process.cpuUsage();
    const id = await recordSynthetic({
      userId: ownerOf(seed),
      events: corpus.events,
      resourceType: corpus.kind,
      resourceName: `${corpus.kind}-${seed % 12}`,
      startedAt: new Date(day0 + (seed % 300) * 86_400_000),
      cols: 120,
      rows: 40,
      skipIndex: true,
    });
    figures.recordCpuSeconds += cpuSeconds(recordCpu);
    // process.cpuUsage counts every thread of the process: the indexing worker's too.
    const indexCpu = process.cpuUsage();
    const serverBefore = serverCpuMs();
    const start = process.hrtime.bigint();
    await indexRecording(id);
    figures.indexWallSeconds += Number(process.hrtime.bigint() - start) / 1e9;
    figures.indexCpuSeconds += cpuSeconds(indexCpu);
    figures.indexServerCpuSeconds += (serverCpuMs() - serverBefore) / 1000;
    figures.rawBytes += corpus.bytes;
    figures.recordingCount++;
    if (figures.recordingCount % 50 === 0) log(`${figures.recordingCount} recordings, ${(figures.rawBytes / MB).toFixed(1)} MB`);
  }
  return figures;
}

/**
 * The search tables as stored: heap, TOAST and every index, as files on disk (GIN pages of
 * the indexes' pending lists included). Analyzed first, as autovacuum would, for the queries'
 * plans.
 */
async function searchSize(): Promise<{ bytes: number; rows: number; parts: RoundFigures['searchParts'] }> {
  const { db } = await import('@/db/client');
  const { sql } = await import('drizzle-orm');
  await db().execute(sql`analyze search_entries`);
  await db().execute(sql`analyze recording_search_states`);
  const result: unknown = await db().execute(
    sql`select pg_total_relation_size('search_entries') + pg_total_relation_size('recording_search_states') as bytes,
          (select count(*) from search_entries) as rows,
          pg_table_size('search_entries') as "table",
          pg_relation_size('search_entries_tsv_idx') as words,
          pg_relation_size('search_entries_text_trgm_idx') as trigrams`,
  );
  const row = (result as { rows: Record<'bytes' | 'rows' | 'table' | 'words' | 'trigrams', string>[] }).rows[0]!;
  const [bytes, table, words, trigrams] = [row.bytes, row.table, row.words, row.trigrams].map(Number) as [number, number, number, number];
  return { bytes, rows: Number(row.rows), parts: { table, words, trigrams, other: bytes - table - words - trigrams } };
}

/** Each case --runs times as each actor: hits (recordings), p50 and p95 in ms. */
async function timeQueries(runs: number, actors: readonly (readonly [string, Actor])[]): Promise<QueryFigure[]> {
  const { searchRecordings } = await import('@/server/search/search-recordings');
  const figures: QueryFigure[] = [];
  for (const [who, actor] of actors) {
    for (const c of CASES) {
      const times: number[] = [];
      let hits = 0;
      for (let i = 0; i < runs; i++) {
        const q = c.name === 'word' ? VOCABULARY[i % VOCABULARY.length]! : c.q;
        const start = process.hrtime.bigint();
        hits = (await searchRecordings({ actor, query: { q, ...c.filters } })).total;
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      figures.push({ who, name: c.name, q: c.q, hits, p50: percentile(times, 0.5), p95: percentile(times, 0.95) });
    }
  }
  return figures;
}

/** A round on the database already set with setDb. */
export async function runRound(options: RoundOptions): Promise<RoundFigures> {
  const users = await createBenchUsers(options.users);
  // Recordings are spread over the engineers; the engineer queries as the owner of the
  // first recording, so their queries have hits at any corpus size.
  const ownerOf = (seed: number) => users[1 + (seed % (users.length - 1))]!;
  const build = await buildCorpus(options, ownerOf);
  const size = await searchSize();
  const queries = await timeQueries(options.runs, [
    ['auditor (all)', await actorOf(users[0]!)],
    ['engineer (own)', await actorOf(ownerOf(1))],
  ]);
  return { ...build, searchBytes: size.bytes, searchParts: size.parts, searchRows: size.rows, queries };
}
