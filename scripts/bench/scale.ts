import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { startReplicaProcess } from '@/server/replicas/testing/replica-process';
import { startPostgres } from '@/test/harness/postgres';
import { startSshd } from '@/test/harness/sshd';
import { cpuMs, percentile, rssBytes } from './procedures';
import { churnApprovals, openTerminals, openWatchers, probeEchoes, PUBLIC_URL, revokeGrants, type Replicas, type Seed } from './scale-workload';

/**
 * `npm run bench:scale`: two Porthole replicas (real server processes) on one real PostgreSQL,
 * with live terminal sessions against a loopback sshd spread over both, watchers that land on
 * the replica not relaying what they watch, requests and approvals, and grant revocations.
 * Reports echo latency, CPU and RSS per replica, and the time from a revoke to its sessions' end.
 * Bounded: sessions are opened in batches, the measured window is --seconds long.
 *
 *   --sessions=200   live terminal sessions (default 200)
 *   --watchers=10    watchers (default 10)
 *   --seconds=30     length of the measured window (default 30)
 *   --markdown=FILE  also append the results as a Markdown table to FILE
 */
type Options = { sessions: number; watchers: number; seconds: number; markdown?: string };

function parseOptions(argv: string[]): Options {
  const options: Options = { sessions: 200, watchers: 10, seconds: 30 };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'markdown' && value) options.markdown = value;
    else if ((key === 'sessions' || key === 'watchers' || key === 'seconds') && value && /^[0-9]+$/.test(value)) options[key] = Number(value);
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.sessions < 20) throw new Error('--sessions must be at least 20 (two grants to revoke)');
  return options;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'never');
const MiB = 2 ** 20;

async function measure(replicas: Replicas, seed: Seed, options: Options): Promise<string[]> {
  log(`opening ${options.sessions} sessions over two replicas`);
  const { terminals, groups } = await openTerminals(replicas, seed, options.sessions);
  const watchers = await openWatchers(replicas, seed, terminals, options.watchers);
  log(`${terminals.length} sessions and ${options.watchers} watchers open; measuring for ${options.seconds} s`);
  const pids = replicas.map((replica) => replica.child.pid ?? 0);
  const cpuBefore = pids.map(cpuMs);
  const started = performance.now();
  const deadline = Date.now() + options.seconds * 1000;
  const revocations = Math.max(2, Math.floor(groups.length / 4));
  const [echoes, endings, approvals] = await Promise.all([
    probeEchoes(terminals, deadline),
    revokeGrants(replicas, seed, terminals, groups, revocations, options.seconds),
    churnApprovals(replicas, seed, deadline),
  ]);
  const elapsed = (performance.now() - started) / 1000;
  const cpu = pids.map((pid, i) => (cpuMs(pid) - cpuBefore[i]!) / 10 / elapsed);
  const rss = pids.map((pid) => rssBytes(pid) / MiB);
  watchers.close();
  await Promise.all(terminals.map((terminal) => terminal.client.close()));
  return [
    `| sessions | watchers | window | echo p50 / p99 (${echoes.length} probes) | revoke → end p50 / p99 (${endings.length} sessions, ${revocations} grants) | approvals (p50) | CPU A / B (% of a core) | RSS A / B |`,
    '|---|---|---|---|---|---|---|---|',
    `| ${terminals.length} | ${options.watchers} (${(watchers.watched.bytes / 1e3).toFixed(0)} kB, ${watchers.watched.errors} errors) | ${elapsed.toFixed(0)} s | ` +
      `${ms(percentile(echoes, 50))} / ${ms(percentile(echoes, 99))} | ${ms(percentile(endings, 50))} / ${ms(percentile(endings, 99))} | ` +
      `${approvals.length} (${ms(percentile(approvals, 50))}) | ${cpu.map((c) => c.toFixed(0)).join(' / ')} | ${rss.map((r) => `${r.toFixed(0)} MiB`).join(' / ')} |`,
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const postgres = await startPostgres();
  const sshd = await startSshd();
  const stops: (() => unknown)[] = [() => sshd.stop(), () => postgres.stop()];
  try {
    const databaseUrl = await postgres.createDatabase('porthole_scale');
    const init = { databaseUrl, publicUrl: PUBLIC_URL, secretKey: randomBytes(32).toString('hex'), replicaTimeoutSeconds: 30 };
    const a = await startReplicaProcess(init);
    stops.unshift(a.stop);
    const b = await startReplicaProcess(init);
    stops.unshift(b.stop);
    const { host, port, username, password, hostKeyFingerprint } = sshd;
    const seed = await a.call<Seed>('seed', { host, port, username, password, fingerprint: hostKeyFingerprint });
    const table = await measure([a, b], seed, options);
    console.log(table.join('\n'));
    if (options.markdown) fs.appendFileSync(options.markdown, `\n${table.join('\n')}\n`);
  } finally {
    for (const stop of stops) await stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
