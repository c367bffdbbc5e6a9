import { cpuMs, echoRoundTrips, prepareShell, startEchoCat, timeOutput, type Timed } from '../procedures';
import type { PtyClient } from '../pty-clients';
import { log, MB, message, MiB, type Contender, type ContenderName } from './contenders';

// The measured rounds: every contender runs each round before the next round starts.

/** Round trips in ms: `rounds` holds each round's, `samples` all of them. */
export type EchoResult = { samples: number[]; rounds: number[][]; error?: string };
export type Throughput = { runs: Timed[]; cpuMsPerMb: number[]; readerCpuMsPerMb: number[]; rssAfterMiB: number[]; error?: string };

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

type Outcome = { error?: string };

/**
 * Opens every contender's client (`prepare` readies it), then runs `step` for each contender in
 * turn, `rounds` times, so drift on the machine hits all alike; a contender that fails is
 * skipped from then on, its error kept. The clients are closed at the end.
 */
async function roundRobin<R extends Outcome>(
  contenders: Contender[],
  results: Map<ContenderName, R>,
  rounds: number,
  prepare: (client: PtyClient) => Promise<unknown>,
  step: (contender: Contender, client: PtyClient, result: R) => Promise<void>,
): Promise<Map<ContenderName, R>> {
  const clients = new Map<ContenderName, PtyClient>();
  try {
    for (const contender of contenders) {
      try {
        const client = await contender.open();
        clients.set(contender.name, client);
        await prepare(client);
      } catch (error) {
        results.get(contender.name)!.error = message(error);
      }
    }
    for (let round = 0; round < rounds; round++) {
      for (const contender of contenders) {
        const result = results.get(contender.name)!;
        const client = clients.get(contender.name);
        if (result.error || !client) continue;
        try {
          await step(contender, client, result);
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

/** Output throughput, contenders alternating run by run. */
export async function throughput(contenders: Contender[], command: string, rounds: number, timeoutMs: number): Promise<Map<ContenderName, Throughput>> {
  const results = new Map<ContenderName, Throughput>(contenders.map((c) => [c.name, { runs: [], cpuMsPerMb: [], readerCpuMsPerMb: [], rssAfterMiB: [] }]));
  return roundRobin(contenders, results, rounds, prepareShell, async (contender, client, result) => {
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
  });
}

/** Keystroke echo round trips, in `rounds` rounds alternating the contenders, after a warm-up each. */
export async function echo(contenders: Contender[], probes: number, rounds: number): Promise<Map<ContenderName, EchoResult>> {
  const results = new Map<ContenderName, EchoResult>(contenders.map((c) => [c.name, { samples: [], rounds: [] }]));
  const warmUp = async (client: PtyClient) => {
    await startEchoCat(client);
    await echoRoundTrips(client, { count: 20, gapMs: 5 }); // not counted
  };
  return roundRobin(contenders, results, rounds, warmUp, async (_contender, client, result) => {
    const samples = await echoRoundTrips(client, { count: Math.ceil(probes / rounds), gapMs: 5 });
    result.rounds.push(samples);
    result.samples.push(...samples);
  });
}
