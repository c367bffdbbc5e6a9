import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '@/test/harness/postgres';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { startKubeHarnessProcess, type KubeHarnessProcess } from './kube-harness-process';
import { concurrency, type Concurrency } from './terminal/concurrency';
import { ContenderSet, log } from './terminal/contenders';
import { describeRun, parseOptions, workload, type Options } from './terminal/options';
import { writeReport } from './terminal/report';
import { echo, throughput } from './terminal/rounds';
import type { SshLogin } from './pty-clients';

/**
 * `npm run bench:terminal`: the browser terminal's data path against OpenSSH's own client
 * (`ssh -tt`), side by side, same loopback sshd, same procedure. Two gateways, each in its
 * own process: as configured (with the pipeline stages Porthole installs, e.g. the recorder)
 * and with pass-through stages (the bare relay). Every measure runs in 5 interleaved rounds
 * (#13). Bounded: about eleven minutes with defaults, including the Kubernetes path, which adds
 * two contenders to each throughput and echo round.
 *
 *   --quick              smaller files, fewer rounds, one small concurrency level (smoke run)
 *   --sessions=50,100    concurrency levels (default 200, the level of #13's target; --sessions=0 skips)
 *   --markdown=FILE      also write the results as a Markdown section to FILE
 *   --db=pglite          each gateway on PGlite in memory instead of its own PostgreSQL
 *                        database (PGlite's WebAssembly heap makes RSS per session noisy)
 *   --store=postgres     recordings in that PostgreSQL database (the replicas' store) instead of
 *                        files under the data directory (the default store of a single server)
 *   --no-kubernetes      skip the Kubernetes path: by default two more contenders, a bare exec
 *                        client straight to the exec harness (test/harness/kube, its own process)
 *                        and the configured gateway opening a shell in the harness's pod (#17)
 *
 * The pieces live in terminal/: options.ts (flags, workload, the machine), contenders.ts (ssh and
 * the two gateways per phase), rounds.ts (interleaved throughput and echo rounds), concurrency.ts
 * (N sessions under load) and report.ts (the tables).
 */

/** A text file of `mb` MB: 57 bytes of entropy per 77-byte line, ordinary terminal text (76 columns and a newline). */
function writeDataFile(dir: string, mb: number): string {
  const file = path.join(dir, 'output.txt');
  execFileSync('bash', ['-c', `head -c ${Math.round((mb * 1e6 * 57) / 77)} /dev/urandom | base64 > ${file}`]);
  fs.chmodSync(file, 0o644);
  return file;
}

/**
 * Both pipelines at each concurrency level, alternating round by round (so drift on the machine
 * hits both alike), a fresh gateway process and database each time.
 */
async function concurrencyLevels(options: Options, sshd: Sshd, login: SshLogin, newDatabase: () => Promise<string | undefined>): Promise<Concurrency[]> {
  const { concurrencyRounds, concurrencyWindowMs } = workload(options);
  const results: Concurrency[] = [];
  for (const sessions of options.sessions) {
    for (let round = 1; round <= concurrencyRounds; round++) {
      for (const pipeline of ['configured', 'pass-through'] as const) {
        log(`concurrency: ${sessions} sessions at 2 KB/s each, ${pipeline} gateway, round ${round} of ${concurrencyRounds}`);
        const gatewayOptions = { pipeline, databaseUrl: await newDatabase(), recordingStore: options.store };
        results.push(await concurrency(sshd, login, gatewayOptions, sessions, concurrencyWindowMs));
      }
    }
  }
  return results;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const info = describeRun(options);
  const sizes = workload(options);
  const { fileMb, chattyMb, rounds, chattyRounds, echoRounds, probes } = sizes;

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'porthole-bench-'));
  fs.chmodSync(tmp, 0o755);
  let sshd: Sshd | undefined;
  let postgres: TestPostgres | undefined;
  let contenderSet: ContenderSet | undefined;
  let kube: KubeHarnessProcess | undefined;
  const cleanup = async () => {
    await contenderSet?.stopQuietly();
    await kube?.stop().catch(() => undefined);
    await sshd?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    log(`writing a ${fileMb} MB text file (base64 lines)`);
    const dataFile = writeDataFile(tmp, fileMb);

    log(`starting sshd${options.db === 'postgres' ? ', PostgreSQL' : ''} and two gateway processes`);
    sshd = await startSshd();
    const pg = options.db === 'postgres' ? (postgres = await startPostgres()) : undefined;
    let databases = 0;
    const newDatabase = async () => pg?.createDatabase(`bench_${++databases}`);
    const keyFile = path.join(tmp, 'id_ed25519');
    fs.writeFileSync(keyFile, sshd.privateKey, { mode: 0o600 });
    const login: SshLogin = { host: sshd.host, port: sshd.port, username: sshd.username, keyFile };
    if (options.kubernetes) kube = await startKubeHarnessProcess();
    const set = (contenderSet = new ContenderSet({ sshd, login, newDatabase, store: options.store, kube }));

    log(`throughput: cat of ${fileMb} MB, ${rounds} rounds each`);
    const contenders = await set.forPhase('cat');
    const bulk = await throughput(contenders, `cat ${dataFile}`, rounds, 180_000);
    log(`chatty output: head -c ${chattyMb}M /dev/urandom | base64, ${chattyRounds} rounds each`);
    const chatty = await throughput(await set.forPhase('chatty'), `head -c ${chattyMb}M /dev/urandom | base64`, chattyRounds, 180_000);
    log(`keystroke echo: ${probes} probes each, in ${echoRounds} rounds`);
    const echoes = await echo(await set.forPhase('echo'), probes, echoRounds);
    await set.stop();

    const concurrencyResults = await concurrencyLevels(options, sshd, login, newDatabase);
    writeReport({ info, sizes, contenders, rssAtStart: set.rssAtStart, bulk, chatty, echoes, concurrency: concurrencyResults }, options.markdown);
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
