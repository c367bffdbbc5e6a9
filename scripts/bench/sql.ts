import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { connectSqlClient } from '@/test/harness/sql-client';
import { createDatabase, startPostgres, POSTGRES_BIN_DIR } from '@/test/harness/postgres';
import type { SqlChildInit, SqlChildReply } from './sql-gateway-child';
import { forkBundled } from './fork-bundled';

/**
 * `npm run bench:sql`: a 1,000,000-row result from a real PostgreSQL, streamed through the
 * gateway (a child process: masking, recording, flow control, JSON pages over a WebSocket)
 * to a headless console that counts rows, against `psql` reading the same query directly.
 * Reports rows/s, time to first rows and the gateway's peak memory growth.
 *
 *   --rows=N        rows per query (default 1,000,000)
 *   --rounds=N      alternating rounds per contender (default 3)
 *   --markdown=FILE also write the results as a Markdown section to FILE
 *
 * Targets: ≥ 0.5× psql rows/s, first rows ≤ 200 ms, peak memory growth ≤ 50 MB.
 */
type Options = { rows: number; rounds: number; markdown?: string };

function parseOptions(argv: string[]): Options {
  const options: Options = { rows: 1_000_000, rounds: 3 };
  for (const arg of argv) {
    if (arg.startsWith('--rows=')) options.rows = Number(arg.slice(7));
    else if (arg.startsWith('--rounds=')) options.rounds = Number(arg.slice(9));
    else if (arg.startsWith('--markdown=')) options.markdown = arg.slice(11);
    else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const MB = 1e6;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
};

type Child = { origin: string; ask: <T extends SqlChildReply>(type: 'session' | 'baseline' | 'peak') => Promise<T>; stop: () => void };

async function startChild(init: SqlChildInit): Promise<Child> {
  const child = await forkBundled(path.join(__dirname, 'sql-gateway-child.ts'), {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const pending = new Map<number, (reply: SqlChildReply) => void>();
  let nextId = 1;
  const ready = new Promise<string>((resolve, reject) => {
    child.on('message', (message: SqlChildReply) => {
      if (message.type === 'ready') return resolve(message.origin);
      if (message.type === 'failed' && message.id === undefined) return reject(new Error(message.message));
      if (message.id !== undefined) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    });
    child.once('exit', (code) => reject(new Error(`gateway child exited (${code})`)));
  });
  child.send(init);
  const origin = await ready;
  return {
    origin,
    ask: <T extends SqlChildReply>(type: 'session' | 'baseline' | 'peak') =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (reply) => (reply.type === 'failed' ? reject(new Error(reply.message)) : resolve(reply as T)));
        child.send({ type, id });
      }),
    stop: () => child.kill('SIGKILL'),
  };
}

/** psql reading the whole result (its default: all rows, then print), output discarded. */
function runPsql(url: string, query: string): Promise<{ seconds: number; rows: number }> {
  const psql = fs.existsSync('/usr/bin/psql') ? '/usr/bin/psql' : path.join(POSTGRES_BIN_DIR, 'psql');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(psql, ['-X', '-q', '-A', '-t', '-d', url, '-c', query], { stdio: ['ignore', 'pipe', 'pipe'] });
    let newlines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) resolve({ seconds, rows: newlines });
      else reject(new Error(`psql exited ${code}: ${stderr.trim()}`));
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const query = `SELECT g AS id, md5(g::text) AS digest, 'customer ' || g AS name, now() AS at FROM generate_series(1, ${options.rows}) g`;
  log('starting PostgreSQL');
  const postgres = await startPostgres();
  let child: Child | undefined;
  try {
    const url = new URL(await createDatabase(postgres.url, 'bench_sql'));
    const password = randomBytes(12).toString('hex');
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`CREATE ROLE bench LOGIN PASSWORD '${password}'`);
    await admin.end();
    const benchUrl = new URL(url.toString());
    benchUrl.username = 'bench';
    benchUrl.password = password;
    log('starting the gateway child');
    child = await startChild({ target: { host: '127.0.0.1', port: Number(url.port), user: 'bench', password, database: 'bench_sql' } });

    const psqlRuns: number[] = [];
    const gatewayRuns: { seconds: number; firstRowsMs: number; growthMiB: number; heapGrowthMiB: number }[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const viaPsql = await runPsql(benchUrl.toString(), query);
      if (viaPsql.rows !== options.rows) throw new Error(`psql returned ${viaPsql.rows} rows`);
      psqlRuns.push(viaPsql.seconds);
      log(
        `  psql     ${options.rows.toLocaleString()} rows in ${viaPsql.seconds.toFixed(2)} s = ${Math.round(options.rows / viaPsql.seconds).toLocaleString()} rows/s`,
      );

      const wsUrl = (await child.ask<Extract<SqlChildReply, { type: 'session' }>>('session')).wsUrl;
      const client = await connectSqlClient(wsUrl, { origin: child.origin, isKeepingRows: false });
      await client.waitForMessage('status', (m) => m.state === 'connected');
      const baseline = await child.ask<Extract<SqlChildReply, { rss: number }>>('baseline');
      const started = process.hrtime.bigint();
      const run = await client.run(query, { id: `bench-${round}` });
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const peak = await child.ask<Extract<SqlChildReply, { rss: number }>>('peak');
      client.ws.close();
      const rows = run.results[0]?.rowCount ?? 0;
      if (rows !== options.rows) throw new Error(`the gateway returned ${rows} rows (${run.status})`);
      const result = {
        seconds,
        firstRowsMs: run.firstRowsMs ?? NaN,
        growthMiB: (peak.rss - baseline.rss) / 2 ** 20,
        heapGrowthMiB: (peak.heap - baseline.heap) / 2 ** 20,
      };
      gatewayRuns.push(result);
      log(
        `  gateway  ${rows.toLocaleString()} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString()} rows/s, first rows ${result.firstRowsMs} ms, ` +
          `peak growth RSS ${result.growthMiB.toFixed(1)} MiB / heap ${result.heapGrowthMiB.toFixed(1)} MiB`,
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
    }

    const psqlRate = options.rows / median(psqlRuns);
    const gatewayRate = options.rows / median(gatewayRuns.map((r) => r.seconds));
    const ratio = gatewayRate / psqlRate;
    const firstRows = median(gatewayRuns.map((r) => r.firstRowsMs));
    const growth = Math.max(...gatewayRuns.map((r) => r.growthMiB));
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const lines = [
      `## SQL console: ${options.rows.toLocaleString()}-row result (median of ${options.rounds})`,
      '',
      '| measure | psql | gateway → headless console | target |',
      '|---|---|---|---|',
      `| rows/s | ${Math.round(psqlRate).toLocaleString()} | ${Math.round(gatewayRate).toLocaleString()} (${ratio.toFixed(2)}× psql) | ≥ 0.5× psql: ${verdict(ratio >= 0.5)} |`,
      `| time to first rows | — | ${firstRows.toFixed(0)} ms | ≤ 200 ms: ${verdict(firstRows <= 200)} |`,
      `| gateway peak memory growth (RSS) | — | ${growth.toFixed(1)} MiB (${((growth * 2 ** 20) / MB).toFixed(1)} MB) | ≤ 50 MB: ${verdict(growth * 2 ** 20 <= 50 * MB)} |`,
      '',
      `Query: \`${query}\`. The gateway masks every cell (column rules and the value detectors), records the first rows of the result, and sends JSON pages with flow control; the console counts rows without keeping them.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (options.markdown) fs.appendFileSync(options.markdown, `${lines.join('\n')}\n\n`);
  } finally {
    child?.stop();
    await postgres.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
