import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgres, type TestPostgres } from '@/test/harness/postgres';
import { S3_TEST_CREDENTIALS } from '@/test/harness/s3';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { cpuMs, median, prepareShell, spread, timeOutput, treeCpuMs, untilMachineIdle } from './procedures';
import { openGatewayClient } from './pty-clients';
import type { ReplayGatewayInit, ReplayStore } from './replay-gateway-child';
import { forkBundled } from './fork-bundled';
import { startS3Process, type S3ServerProcess } from './s3-server-process';

/**
 * bench:replay part 3: the terminal gateway with recording on and off, for each recording
 * store asked for. One gateway process per store (its own database: PGlite for files, a
 * PostgreSQL database for the PostgreSQL store and for the S3 store's live tail, an s3rver
 * bucket in a process of its own for S3), one sshd; every round runs each store, on and off,
 * in alternating order.
 */

const MB = 1e6;
export const REPLAY_STORES = ['file', 'postgres', 's3'] as const satisfies readonly ReplayStore[];
/** Per run: MB/s, the gateway's CPU per MB, the PostgreSQL server's and the S3 server's (0 without one). */
export type OnOff = { mbps: number[]; cpu: number[]; databaseCpu: number[]; bucketCpu: number[] };
export type GatewayResult = { fileMb: number; rounds: number; byStore: Map<ReplayStore, { on: OnOff; off: OnOff }> };
type Log = (line: string) => void;

export type GatewayChild = {
  pid: number;
  origin: string;
  newSession(isRecorded: boolean): Promise<string>;
  /** Recordings the gateway is indexing or has queued for it. */
  indexingJobs(): Promise<number>;
  stop(): void;
};

export async function startChild(init: ReplayGatewayInit): Promise<GatewayChild> {
  const child = await forkBundled(path.join(__dirname, 'replay-gateway-child.ts'), {
    // BENCH_PROF=<dir>: a CPU profile of each gateway process, as bench:terminal takes of its own.
    execArgv: process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  type Reply = { wsUrl?: string; jobs?: number; message?: string };
  const replies = new Map<number, (message: Reply) => void>();
  const origin = new Promise<string>((resolve, reject) => {
    child.on('message', (message: Reply & { type: string; id?: number; origin?: string }) => {
      if (message.type === 'ready') resolve(message.origin!);
      else if (message.id !== undefined) replies.get(message.id)?.(message);
      else if (message.type === 'failed') reject(new Error(`${init.store} gateway: ${message.message}`));
    });
    child.once('exit', (code) => reject(new Error(`${init.store} gateway exited (${code}) before it was ready`)));
  });
  child.send(init);
  let nextId = 1;
  const ask = (type: 'session' | 'indexing') =>
    new Promise<Reply>((resolve) => {
      const id = nextId++;
      replies.set(id, (message) => {
        replies.delete(id);
        resolve(message);
      });
      child.send({ type, id });
    });
  return {
    pid: child.pid!,
    origin: await origin,
    newSession: async (isRecorded) => {
      const { wsUrl, message } = await ask('session');
      if (!wsUrl) throw new Error(message);
      return isRecorded ? wsUrl : wsUrl.replace('/ws/sessions/', '/ws/norec/');
    },
    indexingJobs: async () => (await ask('indexing')).jobs ?? 0,
    // A profiled child writes its profile on a clean exit, which the disconnect handler makes.
    stop: () => (process.env.BENCH_PROF ? child.disconnect() : child.kill('SIGTERM')),
  };
}

/** Waits until a process used under 5 % of a core for half a second. */
export async function untilIdle(pid: number): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const before = cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpuMs(pid) - before < 25) return;
  }
}

export type Services = { sshd: Sshd; postgres?: TestPostgres; s3?: S3ServerProcess };

export async function initFor(store: ReplayStore, { sshd, postgres, s3 }: Services): Promise<ReplayGatewayInit> {
  const init: ReplayGatewayInit = {
    sshd: { host: sshd.host, port: sshd.port, username: sshd.username, privateKey: sshd.privateKey, hostKeyFingerprint: sshd.hostKeyFingerprint },
    store,
  };
  if (store !== 'file') init.databaseUrl = await postgres!.createDatabase(`bench_replay_${store}`);
  if (store === 's3') init.s3 = { endpoint: s3!.endpoint, bucket: s3!.bucket, ...S3_TEST_CREDENTIALS };
  return init;
}

export const catFilePath = () => path.join(os.tmpdir(), `porthole-bench-replay-${process.pid}.txt`);

/** `fileMb` MB of base64 lines (random data: the bulk output a recording compresses least), readable by sshd's user. */
export function writeCatFile(file: string, fileMb: number): void {
  execFileSync('bash', ['-c', `head -c ${Math.round((fileMb * MB * 57) / 77)} /dev/urandom | base64 > ${file}; chmod 644 ${file}`]);
}

/**
 * One `cat` through a fresh session; the gateway's CPU per MB, and that of the servers that
 * store the recording (PostgreSQL, the S3 server): their share of the machine's cores.
 */
export async function catOnce(
  gateway: GatewayChild,
  isRecorded: boolean,
  dataFile: string,
  servers: { databasePid?: number; bucketPid?: number } = {},
): Promise<{ mbps: number; cpu: number; databaseCpu: number; bucketCpu: number }> {
  const client = await openGatewayClient(await gateway.newSession(isRecorded), { origin: gateway.origin });
  const serverCpuMs = (pid: number | undefined) => (pid === undefined ? 0 : treeCpuMs(pid));
  try {
    await prepareShell(client);
    const cpuBefore = cpuMs(gateway.pid);
    const databaseBefore = serverCpuMs(servers.databasePid);
    const bucketBefore = serverCpuMs(servers.bucketPid);
    const timed = await timeOutput(client, `cat ${dataFile}`, 300_000);
    const mb = timed.bytes / MB;
    return {
      mbps: timed.mbPerSecond,
      cpu: (cpuMs(gateway.pid) - cpuBefore) / mb,
      databaseCpu: (serverCpuMs(servers.databasePid) - databaseBefore) / mb,
      bucketCpu: (serverCpuMs(servers.bucketPid) - bucketBefore) / mb,
    };
  } finally {
    await client.close();
  }
}

export async function gatewayOnOff({
  stores,
  fileMb,
  rounds,
  log,
}: {
  stores: ReplayStore[];
  fileMb: number;
  rounds: number;
  log: Log;
}): Promise<GatewayResult> {
  const services: Services = { sshd: await startSshd() };
  const gateways = new Map<ReplayStore, GatewayChild>();
  const dataFile = catFilePath();
  const result: GatewayResult = {
    fileMb,
    rounds,
    byStore: new Map(stores.map((store) => [store, { on: emptyOnOff(), off: emptyOnOff() }])),
  };
  try {
    if (stores.some((store) => store !== 'file')) services.postgres = await startPostgres();
    if (stores.includes('s3')) services.s3 = await startS3Process();
    for (const store of stores) gateways.set(store, await startChild(await initFor(store, services)));
    writeCatFile(dataFile, fileMb);
    for (let round = 0; round < rounds; round++) {
      for (const store of stores) {
        const gateway = gateways.get(store)!;
        for (const isRecorded of round % 2 === 0 ? [false, true] : [true, false]) {
          const run = await catOnce(gateway, isRecorded, dataFile, {
            databasePid: store === 'file' ? undefined : services.postgres?.pid,
            bucketPid: store === 's3' ? services.s3?.pid : undefined,
          });
          const side = result.byStore.get(store)![isRecorded ? 'on' : 'off'];
          side.mbps.push(run.mbps);
          side.cpu.push(run.cpu);
          side.databaseCpu.push(run.databaseCpu);
          side.bucketCpu.push(run.bucketCpu);
          log(
            `round ${round + 1} ${store.padEnd(8)} recording ${isRecorded ? 'on ' : 'off'}: ${run.mbps.toFixed(1)} MB/s, ${run.cpu.toFixed(1)} ms CPU/MB` +
              (store === 'file' ? '' : `, PostgreSQL ${run.databaseCpu.toFixed(1)} ms CPU/MB`) +
              (store === 's3' ? `, S3 server ${run.bucketCpu.toFixed(1)} ms CPU/MB` : ''),
          );
          // Indexing the finished recording runs after the session, and a store may still be
          // writing (PostgreSQL, the S3 server): the next run starts on an idle gateway and machine.
          await untilIdle(gateway.pid);
          await untilMachineIdle();
        }
      }
    }
  } finally {
    fs.rmSync(dataFile, { force: true });
    for (const gateway of gateways.values()) gateway.stop();
    await Promise.all([services.sshd.stop(), services.postgres?.stop(), services.s3?.stop()]);
  }
  return result;
}

const emptyOnOff = (): OnOff => ({ mbps: [], cpu: [], databaseCpu: [], bucketCpu: [] });

export const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** Markdown table rows: per store, throughput on / off as median (min–max) and the ratio of the medians; CPU per MB. */
export function onOffRows(result: GatewayResult): string[] {
  return [...result.byStore].flatMap(([store, { on, off }]) => [
    `| \`cat\` ${result.fileMb} MB through the gateway, ${store} store, recording on / off: median (min–max) of ${result.rounds} | ${spread(on.mbps)} / ${spread(off.mbps)} MB/s = **${fmt(median(on.mbps) / median(off.mbps), 2)}×** | ≥ 0.9× (#13), ≥ 0.85× (#15) |`,
    `| gateway CPU per MB, ${store} store, recording on / off (median) | ${fmt(median(on.cpu))} / ${fmt(median(off.cpu))} ms | ≤ 20 ms with recording |`,
    ...(store === 'file'
      ? []
      : [`| PostgreSQL's CPU per MB, ${store} store, recording on / off (median) | ${fmt(median(on.databaseCpu))} / ${fmt(median(off.databaseCpu))} ms | — |`]),
    ...(store === 's3'
      ? [
          `| the S3 server's CPU per MB (s3rver, its own process), recording on / off (median) | ${fmt(median(on.bucketCpu))} / ${fmt(median(off.bucketCpu))} ms | — |`,
        ]
      : []),
  ]);
}

/** Every run's figure, in the order they ran, per store. */
export function runsNote(result: GatewayResult): string {
  const list = (values: number[]) => values.map((v) => fmt(v)).join(', ');
  return [...result.byStore].map(([store, { on, off }]) => `${store}: on ${list(on.mbps)}; off ${list(off.mbps)} MB/s`).join('. ');
}
