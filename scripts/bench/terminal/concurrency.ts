import type { Sshd } from '@/test/harness/sshd';
import type { GatewayChildInit } from '../gateway-child';
import { startGatewayProcess } from '../gateway-process';
import { cpuMs, echoRoundTrips, percentile, startEchoCat } from '../procedures';
import { openGatewayClient, openSshClient, type PtyClient, type SshLogin } from '../pty-clients';
import { log, message, MiB, sleep } from './contenders';
import type { Options } from './options';

type Pipeline = GatewayChildInit['pipeline'];

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

export type Concurrency = {
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
export async function concurrency(
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
