import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '@/test/harness/postgres';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import type { GatewayChildInit } from './gateway-child';
import { startGatewayProcess, type GatewayProcess } from './gateway-process';
import { cpuMs, echoRoundTrips, median, percentile, prepareShell, startEchoCat, timeOutput, type Timed } from './procedures';
import { openGatewayClient, openSshClient, type PtyClient, type SshLogin } from './pty-clients';

/**
 * `npm run bench:terminal`: the browser terminal's data path against OpenSSH's own client
 * (`ssh -tt`), side by side, same loopback sshd, same procedure. Two gateways, each in its
 * own process: as configured (with the pipeline stages Porthole installs, e.g. the recorder)
 * and with pass-through stages (the bare relay). Bounded: about ten minutes with defaults.
 *
 *   --quick              smaller files, fewer rounds, one small concurrency level (smoke run)
 *   --sessions=50,100    concurrency levels (default 50,100,200; --sessions=0 skips)
 *   --markdown=FILE      also write the results as a Markdown section to FILE
 *   --db=pglite          each gateway on PGlite in memory instead of its own PostgreSQL
 *                        database (PGlite's WebAssembly heap makes RSS per session noisy)
 *   --store=postgres     recordings in that PostgreSQL database (the replicas' store) instead of
 *                        files under the data directory (the default store of a single server)
 */

type Pipeline = GatewayChildInit['pipeline'];
type Options = { quick: boolean; sessions: number[]; markdown?: string; db: 'postgres' | 'pglite'; store: 'file' | 'postgres' };

function parseOptions(argv: string[]): Options {
  const options: Options = { quick: false, sessions: [50, 100, 200], db: 'postgres', store: 'file' };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg.startsWith('--sessions='))
      options.sessions = arg
        .slice(11)
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
    else if (arg.startsWith('--markdown=')) options.markdown = arg.slice(11);
    else if (arg === '--db=pglite' || arg === '--db=postgres') options.db = arg.slice(5) as Options['db'];
    else if (arg === '--store=file' || arg === '--store=postgres') options.store = arg.slice(8) as Options['store'];
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.quick && !argv.some((a) => a.startsWith('--sessions='))) options.sessions = [20];
  if (options.store === 'postgres' && options.db === 'pglite') throw new Error('--store=postgres needs --db=postgres');
  return options;
}

const MB = 1e6;
const MiB = 2 ** 20;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

const SSH = 'ssh -tt';
const CONFIGURED = 'gateway';
const BARE = 'gateway, pass-through';
type ContenderName = typeof SSH | typeof CONFIGURED | typeof BARE;

type Contender = {
  name: ContenderName;
  open: () => Promise<PtyClient>;
  /** The process whose CPU counts as the relay: ssh itself, or the gateway child. */
  cpuPid: (client: PtyClient) => number;
  gateway?: GatewayProcess;
};

type Throughput = { runs: Timed[]; cpuMsPerMb: number[]; readerCpuMsPerMb: number[]; rssAfterMiB: number[]; error?: string };

async function measureOutput(contender: Contender, client: PtyClient, command: string, timeoutMs: number) {
  const pid = contender.cpuPid(client);
  const cpuBefore = cpuMs(pid);
  const ownBefore = process.cpuUsage();
  const timed = await timeOutput(client, command, timeoutMs);
  const cpu = cpuMs(pid) - cpuBefore;
  const own = process.cpuUsage(ownBefore);
  const mb = timed.bytes / MB;
  // This process reads for every contender: its share shows what the reading costs.
  return { timed, cpuMsPerMb: cpu / mb, readerCpuMsPerMb: (own.user + own.system) / 1000 / mb };
}

/** Alternates the contenders run by run, so drift on the machine hits all alike. */
async function throughput(contenders: Contender[], command: string, rounds: number, timeoutMs: number): Promise<Map<ContenderName, Throughput>> {
  const results = new Map<ContenderName, Throughput>(contenders.map((c) => [c.name, { runs: [], cpuMsPerMb: [], readerCpuMsPerMb: [], rssAfterMiB: [] }]));
  const clients = new Map<ContenderName, PtyClient>();
  try {
    for (const contender of contenders) {
      const result = results.get(contender.name)!;
      try {
        const client = await contender.open();
        clients.set(contender.name, client);
        await prepareShell(client);
      } catch (error) {
        result.error = message(error);
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const contender of contenders) {
        const result = results.get(contender.name)!;
        const client = clients.get(contender.name);
        if (result.error || !client) continue;
        try {
          const { timed, cpuMsPerMb, readerCpuMsPerMb } = await measureOutput(contender, client, command, timeoutMs);
          result.runs.push(timed);
          result.cpuMsPerMb.push(cpuMsPerMb);
          result.readerCpuMsPerMb.push(readerCpuMsPerMb);
          const memory = contender.gateway ? await contender.gateway.memory() : undefined;
          if (memory) result.rssAfterMiB.push(memory.rss / MiB);
          log(
            `  ${contender.name.padEnd(21)} ${(timed.bytes / MB).toFixed(0)} MB in ${timed.seconds.toFixed(2)} s = ${timed.mbPerSecond.toFixed(1)} MB/s, ` +
              `${cpuMsPerMb.toFixed(1)} ms CPU/MB${memory ? `, RSS after GC ${(memory.rss / MiB).toFixed(0)} MiB` : ''}`,
          );
        } catch (error) {
          result.error = message(error);
          log(`  ${contender.name.padEnd(21)} failed: ${result.error}`);
        }
      }
    }
  } finally {
    await Promise.all([...clients.values()].map((client) => client.close()));
  }
  return results;
}

async function echo(contenders: Contender[], probes: number): Promise<Map<ContenderName, { samples: number[]; error?: string }>> {
  const results = new Map<ContenderName, { samples: number[]; error?: string }>(contenders.map((c) => [c.name, { samples: [] }]));
  const clients = new Map<ContenderName, PtyClient>();
  try {
    for (const contender of contenders) {
      try {
        const client = await contender.open();
        clients.set(contender.name, client);
        await startEchoCat(client);
        await echoRoundTrips(client, { count: 20, gapMs: 5 }); // warm-up, not counted
      } catch (error) {
        results.get(contender.name)!.error = message(error);
      }
    }
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      for (const contender of contenders) {
        const result = results.get(contender.name)!;
        const client = clients.get(contender.name);
        if (result.error || !client) continue;
        try {
          result.samples.push(...(await echoRoundTrips(client, { count: Math.ceil(probes / rounds), gapMs: 5 })));
        } catch (error) {
          result.error = message(error);
        }
      }
    }
  } finally {
    await Promise.all([...clients.values()].map((client) => client.close()));
  }
  return results;
}

/** Opens `count` clients, `batch` at a time (sshd and the gateway see bursts, not a flood). */
async function openMany(count: number, batch: number, open: () => Promise<PtyClient>): Promise<PtyClient[]> {
  const clients: PtyClient[] = [];
  try {
    while (clients.length < count) {
      const opened = await Promise.all(
        Array.from({ length: Math.min(batch, count - clients.length) }, async () => {
          const client = await open();
          await startEchoCat(client);
          return client;
        }),
      );
      clients.push(...opened);
    }
  } catch (error) {
    await Promise.all(clients.map((c) => c.close()));
    throw error;
  }
  return clients;
}

type Concurrency = {
  pipeline: Pipeline;
  sessions: number;
  gatewayP50: number;
  gatewayP99: number;
  sshP99: number;
  cpuPercent: number;
  rssPerSessionKiB: number;
  /** V8 heap + external (buffers) growth per session: the part the gateway's own code holds. */
  jsPerSessionKiB: number;
  echoedKBps: number;
  error?: string;
};

/**
 * N interactive sessions typing 2 KB/s each into `cat` (2 KB/s comes back), while one probe
 * session measures echo round trips; then an `ssh -tt` probe under the same load. A fresh
 * gateway process per level, so memory per session is not blurred by earlier runs.
 */
async function concurrency(
  sshd: Sshd,
  login: SshLogin,
  gatewayOptions: { pipeline: Pipeline; databaseUrl: string | undefined; recordingStore: Options['store'] },
  sessions: number,
  windowMs: number,
): Promise<Concurrency> {
  const { pipeline } = gatewayOptions;
  const gateway = await startGatewayProcess(sshd, gatewayOptions);
  const openGateway = async () => openGatewayClient(await gateway.newSession(), { origin: gateway.origin });
  const load: PtyClient[] = [];
  const timers: NodeJS.Timeout[] = [];
  const failed = (error: unknown): Concurrency => ({
    pipeline,
    sessions,
    gatewayP50: NaN,
    gatewayP99: NaN,
    sshP99: NaN,
    cpuPercent: NaN,
    rssPerSessionKiB: NaN,
    jsPerSessionKiB: NaN,
    echoedKBps: NaN,
    error: message(error),
  });
  try {
    const probe = await openGateway();
    await startEchoCat(probe);
    await echoRoundTrips(probe, { count: 50, gapMs: 2 });
    await gateway.memory();
    await sleep(500);
    const before = await gateway.memory();
    load.push(...(await openMany(sessions, 10, openGateway)));

    let echoed = 0;
    const chunk = Buffer.alloc(205, 'x'); // ten writes a second ≈ 2 KB/s
    for (const client of load) {
      client.setListener((data) => (echoed += data.length));
      timers.push(setTimeout(() => timers.push(setInterval(() => client.send(chunk), 100)), Math.random() * 100));
    }
    await sleep(1_000);
    const cpuStart = cpuMs(gateway.pid);
    const echoedStart = echoed;
    const started = Date.now();
    const samples = await echoRoundTrips(probe, { count: 100_000, gapMs: 20, deadline: started + windowMs });
    const elapsedSeconds = (Date.now() - started) / 1000;
    const cpuPercent = ((cpuMs(gateway.pid) - cpuStart) / 1000 / elapsedSeconds) * 100;
    const echoedKBps = (echoed - echoedStart) / 1000 / elapsedSeconds;
    const loaded = await gateway.memory();
    log(`  ${pipeline} ${sessions} sessions: RSS after GC ${(before.rss / MiB).toFixed(0)} → ${(loaded.rss / MiB).toFixed(0)} MiB`);

    const ssh = openSshClient(login);
    await startEchoCat(ssh);
    const sshSamples = await echoRoundTrips(ssh, { count: 100_000, gapMs: 20, deadline: Date.now() + windowMs / 2 });
    await ssh.close();
    await probe.close();
    return {
      pipeline,
      sessions,
      gatewayP50: percentile(samples, 50),
      gatewayP99: percentile(samples, 99),
      sshP99: percentile(sshSamples, 99),
      cpuPercent,
      rssPerSessionKiB: (loaded.rss - before.rss) / 1024 / sessions,
      jsPerSessionKiB: (loaded.heap + loaded.external - before.heap - before.external) / 1024 / sessions,
      echoedKBps,
    };
  } catch (error) {
    log(`  ${pipeline} ${sessions} sessions failed: ${message(error)}`);
    return failed(error);
  } finally {
    for (const timer of timers) clearInterval(timer);
    await Promise.all(load.map((c) => c.close()));
    await gateway.stop();
  }
}

function machine(): Record<string, string> {
  const cpuModel = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  return {
    date: new Date().toISOString(),
    command: `npm run bench:terminal${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    nproc: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    cpu: cpuModel,
    'free -g': spawnSync('free', ['-g'], { encoding: 'utf8' }).stdout.trimEnd(),
    node: process.version,
    openssh: spawnSync('ssh', ['-V'], { encoding: 'utf8' }).stderr.trim(),
    'load average at start': os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
  };
}

function databaseLine(db: Options['db']): string {
  return db === 'postgres' ? 'PostgreSQL 15 on loopback, one database per gateway process' : 'PGlite in memory';
}

const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const info: Record<string, string> = {
    ...machine(),
    'gateway database': databaseLine(options.db),
    'recording store': options.store === 'file' ? 'files under the gateway data directory (the default)' : 'PostgreSQL (--store=postgres)',
  };
  const fileMb = options.quick ? 40 : 250;
  const chattyMb = options.quick ? 10 : 100;
  const rounds = options.quick ? 1 : 3;
  const chattyRounds = options.quick ? 1 : 2;
  const probes = options.quick ? 100 : 400;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-'));
  fs.chmodSync(tmp, 0o755);
  let sshd: Sshd | undefined;
  let postgres: TestPostgres | undefined;
  const gateways: GatewayProcess[] = [];
  const cleanup = async () => {
    await Promise.all(gateways.map((g) => g.stop().catch(() => undefined)));
    await sshd?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    log(`writing a ${fileMb} MB text file (base64 lines)`);
    const dataFile = path.join(tmp, 'output.txt');
    // 57 bytes of entropy per 77-byte line: ordinary terminal text, 76 columns and a newline.
    execFileSync('bash', ['-c', `head -c ${Math.round((fileMb * 1e6 * 57) / 77)} /dev/urandom | base64 > ${dataFile}`]);
    fs.chmodSync(dataFile, 0o644);

    log(`starting sshd${options.db === 'postgres' ? ', PostgreSQL' : ''} and two gateway processes`);
    const target = (sshd = await startSshd());
    const pg = options.db === 'postgres' ? (postgres = await startPostgres()) : undefined;
    let databases = 0;
    const newDatabase = async () => pg?.createDatabase(`bench_${++databases}`);
    const keyFile = path.join(tmp, 'id_ed25519');
    fs.writeFileSync(keyFile, sshd.privateKey, { mode: 0o600 });
    const login: SshLogin = { host: sshd.host, port: sshd.port, username: sshd.username, keyFile };
    const viaGateway = (name: ContenderName, gateway: GatewayProcess): Contender => ({
      name,
      gateway,
      open: async () => openGatewayClient(await gateway.newSession(), { label: name, origin: gateway.origin }),
      cpuPid: () => gateway.pid,
    });
    const rssAtStart = new Map<string, number>();
    /** Fresh gateway processes per phase: one left busy (or bloated) by a phase spoils the next. */
    const contendersForPhase = async (phase: string): Promise<Contender[]> => {
      for (const gateway of gateways.splice(0)) await gateway.stop();
      const configured = await startGatewayProcess(target, { pipeline: 'configured', databaseUrl: await newDatabase(), recordingStore: options.store });
      gateways.push(configured);
      const bare = await startGatewayProcess(target, { pipeline: 'pass-through', databaseUrl: await newDatabase(), recordingStore: options.store });
      gateways.push(bare);
      const contenders: Contender[] = [
        { name: SSH, open: () => Promise.resolve(openSshClient(login)), cpuPid: (client) => client.pid ?? -1 },
        viaGateway(CONFIGURED, configured),
        viaGateway(BARE, bare),
      ];
      for (const contender of contenders) if (contender.gateway) rssAtStart.set(`${phase}/${contender.name}`, (await contender.gateway.memory()).rss / MiB);
      return contenders;
    };

    log(`throughput: cat of ${fileMb} MB, ${rounds} rounds each`);
    const contenders = await contendersForPhase('cat');
    const bulk = await throughput(contenders, `cat ${dataFile}`, rounds, 180_000);
    log(`chatty output: head -c ${chattyMb}M /dev/urandom | base64, ${chattyRounds} rounds each`);
    const chatty = await throughput(await contendersForPhase('chatty'), `head -c ${chattyMb}M /dev/urandom | base64`, chattyRounds, 180_000);
    log(`keystroke echo: ${probes} probes each`);
    const echoes = await echo(await contendersForPhase('echo'), probes);
    for (const gateway of gateways.splice(0)) await gateway.stop();

    const concurrencyResults: Concurrency[] = [];
    for (const sessions of options.sessions) {
      for (const pipeline of ['configured', 'pass-through'] as const) {
        log(`concurrency: ${sessions} sessions at 2 KB/s each, ${pipeline} gateway`);
        concurrencyResults.push(
          await concurrency(
            sshd,
            login,
            { pipeline, databaseUrl: await newDatabase(), recordingStore: options.store },
            sessions,
            options.quick ? 4_000 : 10_000,
          ),
        );
      }
    }

    const rate = (r: Throughput | undefined) => (r && !r.error ? median(r.runs.map((run) => run.mbPerSecond)) : NaN);
    // On a shared machine the fastest run is the one least disturbed by others.
    const best = (r: Throughput | undefined) => (r && !r.error && r.runs.length > 0 ? Math.max(...r.runs.map((run) => run.mbPerSecond)) : NaN);
    const cpu = (r: Throughput | undefined) => (r && !r.error ? median(r.cpuMsPerMb) : NaN);
    const echoP = (name: ContenderName, p: number) => {
      const r = echoes.get(name);
      return r && !r.error ? percentile(r.samples, p) : NaN;
    };
    const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`;
    const plus = (a: number, b: number) => `+${fmt(a - b, 2)} ms`;
    const row = (label: string, get: (name: ContenderName) => number, compare: (a: number, b: number) => string, digits: number, target: string) => {
      const [s, c, b] = [get(SSH), get(CONFIGURED), get(BARE)];
      return [label, fmt(s, digits), fmt(c, digits), fmt(b, digits), compare(c, s), compare(b, s), target];
    };

    const headline = table(
      ['measure', SSH, CONFIGURED, BARE, 'gateway vs ssh', 'pass-through vs ssh', 'target (this issue)'],
      [
        row(`cat ${fileMb} MB, MB/s, median of ${rounds}`, (n) => rate(bulk.get(n)), ratio, 1, '≥ 0.8×'),
        row(`cat ${fileMb} MB, MB/s, best of ${rounds}`, (n) => best(bulk.get(n)), ratio, 1, '≥ 0.8×'),
        row(`head -c ${chattyMb}M urandom | base64, MB/s, best of ${chattyRounds}`, (n) => best(chatty.get(n)), ratio, 1, ''),
        row('echo p50, ms', (n) => echoP(n, 50), plus, 2, '≤ +1 ms'),
        row('echo p99, ms', (n) => echoP(n, 99), plus, 2, '≤ +5 ms'),
        row('relay CPU per MB, cat, ms', (n) => cpu(bulk.get(n)), ratio, 1, 'gateway ≤ 20 ms'),
        row('relay CPU per MB, chatty, ms', (n) => cpu(chatty.get(n)), ratio, 1, ''),
      ],
    );
    const concurrencyTable = concurrencyResults.length
      ? table(
          [
            'gateway',
            'sessions',
            'probe echo p50, ms',
            'probe echo p99, ms',
            'ssh -tt probe p99 (same load), ms',
            'gateway CPU, % of a core',
            'RSS per session, KiB',
            'JS heap + buffers per session, KiB',
            'echoed, KB/s',
          ],
          concurrencyResults.map((r) => [
            r.pipeline,
            String(r.sessions),
            fmt(r.gatewayP50, 2),
            fmt(r.gatewayP99, 2),
            fmt(r.sshP99, 2),
            fmt(r.cpuPercent),
            fmt(r.rssPerSessionKiB, 0),
            fmt(r.jsPerSessionKiB, 0),
            r.error ? `failed: ${r.error}` : fmt(r.echoedKBps, 0),
          ]),
        )
      : '(skipped)';

    const details: string[] = [];
    for (const [label, results] of [
      ['cat', bulk],
      ['chatty', chatty],
    ] as const) {
      for (const contender of contenders) {
        const r = results.get(contender.name);
        if (!r) continue;
        const runs = r.runs.map((run) => fmt(run.mbPerSecond)).join(', ');
        const memory = contender.gateway
          ? `; gateway RSS after GC ${fmt(rssAtStart.get(`${label}/${contender.name}`), 0)} MiB at start, ${r.rssAfterMiB.map((m) => fmt(m, 0)).join(', ')} MiB after each run`
          : '';
        details.push(
          `${label}, ${contender.name}: ${runs || '-'} MB/s; ${r.runs[0]?.bytes ?? 0} bytes per run; reader CPU ${fmt(median(r.readerCpuMsPerMb))} ms/MB${memory}${r.error ? `; FAILED: ${r.error}` : ''}`,
        );
      }
    }
    for (const contender of contenders) {
      const r = echoes.get(contender.name);
      if (r?.error) details.push(`echo, ${contender.name}: FAILED: ${r.error}`);
      else if (r) details.push(`echo, ${contender.name}: ${r.samples.length} samples, p90 ${fmt(percentile(r.samples, 90), 2)} ms`);
    }

    const machineLines = Object.entries(info).map(([key, value]) => (key === 'free -g' ? `free -g:\n${value}` : `${key}: ${value}`));
    process.stdout.write(`\n${[machineLines.join('\n'), '', headline, '', concurrencyTable, '', ...details].join('\n')}\n`);

    if (options.markdown) {
      const md = [
        `#### Run of ${info.date?.slice(0, 16).replace('T', ' ')} UTC`,
        '',
        '```',
        ...machineLines,
        '```',
        '',
        headline,
        '',
        concurrencyTable,
        '',
        ...details.map((d) => `- ${d}`),
        '',
      ].join('\n');
      fs.writeFileSync(options.markdown, md);
      log(`wrote ${options.markdown}`);
    }
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
