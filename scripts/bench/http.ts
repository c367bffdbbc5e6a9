import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, startPostgres } from '@/test/harness/postgres';
import type { HttpChildInit, HttpChildReply } from './http-proxy-child';
import { closeAgents, mibThroughput, smallRequestLatencies, startUpstream, type Contender } from './http-measure';
import { cpuMs, median, percentile } from './procedures';
import { forkBundled } from './fork-bundled';

/**
 * `npm run bench:http`: what the HTTP proxy (`/proxy/{resourceId}/…`) adds to a request, against
 * the same request sent straight to the upstream. The upstream is a node http server in this
 * process on 127.0.0.1; the proxy runs in a child process (http-proxy-child.ts: the custom
 * server's request path), on a resource that records every exchange and
 * on one with recording off. Each round runs every contender in turn (the order rotating), so
 * drift on the machine hits all alike; one keep-alive connection per contender.
 *
 *   --quick          smoke run: fewer requests per round (still 5 rounds)
 *   --rounds=N       rounds (default 5)
 *   --markdown=FILE  also append the results as a Markdown section to FILE
 *   --db=pglite      Porthole's data in PGlite in memory (the embedded default) instead of a
 *                    PostgreSQL 15 on loopback started for the run (the default, as bench:terminal)
 *
 * Targets (#17): latency added p50 ≤ 2 ms and p99 ≤ 10 ms; 1 MiB bodies ≥ 0.8× direct throughput.
 */
type Options = { quick: boolean; rounds: number; markdown?: string; db: 'postgres' | 'pglite' };

function parseOptions(argv: string[]): Options {
  const options: Options = { quick: false, rounds: 5, db: 'postgres' };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--db=postgres' || arg === '--db=pglite') options.db = arg.slice(5) as Options['db'];
    else if (arg.startsWith('--rounds=')) options.rounds = Math.max(1, Number(arg.slice(9)));
    else if (arg.startsWith('--markdown=')) options.markdown = arg.slice(11);
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const workload = (options: Options) => ({
  smallRequests: options.quick ? 200 : 1_000,
  mibRequests: options.quick ? 10 : 40,
  /** No new round starts after this; the run is bounded whatever the machine does. */
  deadlineMs: (options.quick ? 3 : 15) * 60_000,
});

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const load1 = () => os.loadavg()[0] ?? NaN;

/** Latency percentiles (ms), MB/s, and the proxy process's CPU per small request and per MiB (ms; NaN for direct). */
type Round = { p50: number; p99: number; download: number; upload: number; cpuPerRequest: number; cpuPerMib: number };
type Results = Map<string, Round[]>;

async function startChild(init: HttpChildInit): Promise<{ ready: Extract<HttpChildReply, { type: 'ready' }>; pid: number; stop: () => void }> {
  const child = await forkBundled(path.join(__dirname, 'http-proxy-child.ts'), {
    // BENCH_PROF=<dir>: a CPU profile of the proxy process, as bench:terminal takes of its gateway.
    execArgv: process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const ready = await new Promise<Extract<HttpChildReply, { type: 'ready' }>>((resolve, reject) => {
    child.once('message', (message: HttpChildReply) => (message.type === 'ready' ? resolve(message) : reject(new Error(message.message))));
    child.once('exit', (code) => reject(new Error(`proxy child exited (${code})`)));
    child.send(init);
  });
  // A profiled child must exit on its own for its profile to be written (the child exits when the channel closes).
  return { ready, pid: child.pid ?? 0, stop: () => (process.env.BENCH_PROF ? child.disconnect() : child.kill('SIGKILL')) };
}

/** Runs `work` and returns its result with the CPU ms the contender's proxy process spent meanwhile (NaN without one). */
async function withCpu<T>(contender: Contender, work: () => Promise<T>): Promise<[T, number]> {
  const before = contender.cpuPid ? cpuMs(contender.cpuPid) : NaN;
  const result = await work();
  return [result, contender.cpuPid ? cpuMs(contender.cpuPid) - before : NaN];
}

async function measureRound(contender: Contender, sizes: ReturnType<typeof workload>): Promise<Round> {
  const [samples, smallCpu] = await withCpu(contender, () => smallRequestLatencies(contender, sizes.smallRequests));
  const [download, downloadCpu] = await withCpu(contender, () => mibThroughput(contender, 'download', sizes.mibRequests));
  const [upload, uploadCpu] = await withCpu(contender, () => mibThroughput(contender, 'upload', sizes.mibRequests));
  return {
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    download,
    upload,
    cpuPerRequest: smallCpu / sizes.smallRequests,
    cpuPerMib: (downloadCpu + uploadCpu) / (2 * sizes.mibRequests),
  };
}

async function runRounds(contenders: Contender[], options: Options): Promise<Results> {
  const sizes = workload(options);
  const results: Results = new Map(contenders.map((c) => [c.name, []]));
  // Warm-up, not counted: connections, JIT, the proxy sessions opened.
  for (const contender of contenders) await smallRequestLatencies(contender, 50);
  const deadline = Date.now() + sizes.deadlineMs;
  for (let round = 0; round < options.rounds; round++) {
    if (Date.now() > deadline) {
      log(`deadline reached: ${round} of ${options.rounds} rounds run`);
      break;
    }
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const contender of order) {
      const result = await measureRound(contender, sizes);
      results.get(contender.name)!.push(result);
      log(
        `  round ${round + 1} ${contender.name.padEnd(22)} p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms, ` +
          `1 MiB down ${fmt(result.download, 0)} MB/s, up ${fmt(result.upload, 0)} MB/s` +
          (Number.isFinite(result.cpuPerRequest) ? `; proxy CPU ${fmt(result.cpuPerRequest)} ms/request, ${fmt(result.cpuPerMib, 1)} ms/MiB` : ''),
      );
    }
  }
  return results;
}

/** Per round, `proxy` against `direct` of the same round; the median and the spread over rounds. */
function compare(direct: Round[], other: Round[], pick: (r: Round) => number, how: 'minus' | 'ratio'): string {
  const values = other.map((r, i) => (how === 'minus' ? pick(r) - pick(direct[i]!) : pick(r) / pick(direct[i]!))).filter(Number.isFinite);
  if (values.length === 0) return 'n/a';
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return how === 'minus' ? `+${fmt(median(values))} ms (${fmt(low)} to ${fmt(high)})` : `${fmt(median(values))}× (${fmt(low)}–${fmt(high)})`;
}

function report(results: Results, names: string[], options: Options, loads: [number, number]): string[] {
  const [direct, proxy, unrecorded] = names.map((name) => results.get(name) ?? []);
  const sizes = workload(options);
  const med = (rounds: Round[] | undefined, pick: (r: Round) => number, digits = 2) => fmt(median((rounds ?? []).map(pick)), digits);
  const row = (label: string, pick: (r: Round) => number, how: 'minus' | 'ratio', target: string, digits = 2) =>
    `| ${label} | ${med(direct, pick, digits)} | ${med(proxy, pick, digits)} | ${med(unrecorded, pick, digits)} | ${compare(direct!, proxy!, pick, how)} | ${compare(direct!, unrecorded!, pick, how)} | ${target} |`;
  return [
    `## HTTP proxy: ${direct?.length ?? 0} interleaved rounds`,
    '',
    `| measure (median of rounds) | ${names.join(' | ')} | proxy vs direct (median, spread) | unrecorded vs direct | target |`,
    '|---|---|---|---|---|---|---|',
    row(`small GET latency p50, ms (${sizes.smallRequests}/round)`, (r) => r.p50, 'minus', 'added ≤ 2 ms'),
    row('small GET latency p99, ms', (r) => r.p99, 'minus', 'added ≤ 10 ms'),
    row(`1 MiB response, MB/s (${sizes.mibRequests}/round)`, (r) => r.download, 'ratio', '≥ 0.8×', 0),
    row('1 MiB request body, MB/s', (r) => r.upload, 'ratio', '≥ 0.8×', 0),
    row('proxy process CPU per small request, ms', (r) => r.cpuPerRequest, 'minus', ''),
    row('proxy process CPU per 1 MiB exchange, ms', (r) => r.cpuPerMib, 'minus', '', 1),
    '',
    `\`npm run bench:http${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ` +
      `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; 1-minute load average ${fmt(loads[0])} at the start, ${fmt(loads[1])} at the end` +
      `${loads[0] > 0.5 ? ' (above 0.5: indicative only)' : ''}. Upstream in the benchmark process, proxy in a child process (custom-server request path, ` +
      `${options.db === 'postgres' ? 'Porthole data in PostgreSQL 15 on loopback' : 'Porthole data in PGlite in memory'}); ` +
      'the recorded resource masks and records every exchange (bodies up to 1 MiB).',
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = load1();
  log(`load average ${fmt(loadAtStart)} at the start`);
  const credential = `bench-${randomBytes(16).toString('hex')}`;
  const postgres = options.db === 'postgres' ? await startPostgres() : undefined;
  const databaseUrl = postgres ? await createDatabase(postgres.url, 'bench_http') : undefined;
  const upstream = await startUpstream(credential);
  const child = await startChild({ upstream: upstream.base, credential, databaseUrl });
  try {
    const { origin, token, recorded, unrecorded } = child.ready;
    const auth = { authorization: `Bearer ${token}` };
    const contenders: Contender[] = [
      { name: 'direct', base: upstream.base, headers: { authorization: `Bearer ${credential}` } },
      { name: 'proxy', base: `${origin}/proxy/${recorded}`, headers: auth, cpuPid: child.pid },
      { name: 'proxy (recording off)', base: `${origin}/proxy/${unrecorded}`, headers: auth, cpuPid: child.pid },
    ];
    const results = await runRounds(contenders, options);
    const loadAtEnd = load1();
    log(`load average ${fmt(loadAtEnd)} at the end`);
    const lines = report(
      results,
      contenders.map((c) => c.name),
      options,
      [loadAtStart, loadAtEnd],
    );
    process.stdout.write(`${lines.join('\n')}\n`);
    if (options.markdown) fs.appendFileSync(options.markdown, `${lines.join('\n')}\n\n`);
  } finally {
    closeAgents();
    child.stop();
    await upstream.close();
    await postgres?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
