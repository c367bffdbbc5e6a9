import WebSocket from 'ws';
import type { ReplicaProcess } from '@/server/replicas/testing/replica-process';
import { echoRoundTrips, startEchoCat } from './procedures';
import { openGatewayClient, type PtyClient } from './pty-clients';

/** What bench:scale drives: live terminals spread over two replicas, watchers, approvals and revocations. */
export type Seed = { engineerId: string; auditorId: string; approverId: string; resourceId: string };
export type Replicas = [ReplicaProcess, ReplicaProcess];
type Ticket = { id: string; wsUrl: string };

export const PUBLIC_URL = 'http://porthole.test';
/** Sessions per engineer (one grant each): a revocation ends this many at once. */
const PER_GRANT = 10;
const OPEN_BATCH = 10;
const ECHO_GAP_MS = 250;

export type Terminal = { id: string; client: PtyClient; replica: number; group: number; endedAt?: number };
export type Group = { engineerId: string; grantId: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Replica A for even turns, B for odd ones. */
const pick = (replicas: Replicas, turn: number): ReplicaProcess => (turn % 2 === 0 ? replicas[0] : replicas[1]);

async function grant(replicas: Replicas, seed: Seed, engineerId: string, turn: number): Promise<string> {
  const requestId = await pick(replicas, turn).call<string>('request', { ...seed, engineerId });
  return pick(replicas, turn + 1).call<string>('approve', { ...seed, requestId });
}

/** One grant per ten sessions; session i lands on replica i % 2 (a load balancer without stickiness). */
export async function openTerminals(replicas: Replicas, seed: Seed, count: number): Promise<{ terminals: Terminal[]; groups: Group[] }> {
  const groups: Group[] = [];
  for (let g = 0; g < Math.ceil(count / PER_GRANT); g++) {
    const engineerId = g === 0 ? seed.engineerId : await replicas[0].call<string>('engineer', { name: `scale-engineer-${g}` });
    groups.push({ engineerId, grantId: await grant(replicas, seed, engineerId, g) });
  }
  const terminals: Terminal[] = [];
  for (let start = 0; start < count; start += OPEN_BATCH) {
    const batch = Array.from({ length: Math.min(OPEN_BATCH, count - start) }, async (_, k) => {
      const i = start + k;
      const replica = pick(replicas, i);
      const group = Math.floor(i / PER_GRANT);
      const ticket = await replica.call<Ticket>('session', { ...seed, engineerId: groups[group]!.engineerId });
      const client = await openGatewayClient(replica.local(ticket.wsUrl), { label: `session ${i}`, origin: PUBLIC_URL });
      await startEchoCat(client);
      const terminal: Terminal = { id: ticket.id, client, replica: i % 2, group };
      void client.closed.then(() => (terminal.endedAt = performance.now()));
      return terminal;
    });
    terminals.push(...(await Promise.all(batch)));
  }
  return { terminals, groups };
}

/** Watchers, each through the replica that does not relay the session (the proxied path). */
export async function openWatchers(replicas: Replicas, seed: Seed, terminals: Terminal[], count: number) {
  const watched = { bytes: 0, errors: 0 };
  const sockets: WebSocket[] = [];
  const step = Math.max(1, Math.floor(terminals.length / Math.max(1, count)));
  for (let w = 0; w < count && w * step < terminals.length; w++) {
    const terminal = terminals[w * step]!;
    const other = pick(replicas, terminal.replica + 1);
    const ticket = await other.call<Ticket>('watchTicket', { ...seed, sessionId: terminal.id });
    const ws = new WebSocket(other.local(ticket.wsUrl), { origin: PUBLIC_URL, perMessageDeflate: false });
    ws.on('message', (data: Buffer) => (watched.bytes += data.length));
    ws.on('error', () => (watched.errors += 1));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`watch refused: ${res.statusCode}`)));
    });
    sockets.push(ws);
  }
  return { watched, close: () => sockets.forEach((ws) => ws.terminate()) };
}

/** Echo probes on every terminal until the deadline or until its session ends. */
export async function probeEchoes(terminals: Terminal[], deadline: number): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    terminals.map(async (terminal, i) => {
      await sleep((i * ECHO_GAP_MS) / terminals.length);
      while (Date.now() < deadline && terminal.endedAt === undefined) {
        try {
          samples.push(...(await echoRoundTrips(terminal.client, { count: 1, gapMs: 0 })));
        } catch {
          return; // revoked meanwhile
        }
        await sleep(ECHO_GAP_MS);
      }
    }),
  );
  return samples;
}

/**
 * Revokes `count` grants spread over the window, alternately on each replica, and measures
 * from the revoke call to each of its sessions' end as the browser sees it.
 */
export async function revokeGrants(replicas: Replicas, seed: Seed, terminals: Terminal[], groups: Group[], count: number, seconds: number): Promise<number[]> {
  const endings: number[] = [];
  const victims = groups.slice(-count);
  for (const [k, group] of victims.entries()) {
    await sleep((seconds * 1000) / (count + 1));
    const index = groups.indexOf(group);
    const revokedAt = performance.now();
    await pick(replicas, k).call('revoke', { ...seed, grantId: group.grantId });
    const ended = terminals.filter((terminal) => terminal.group === index);
    await Promise.race([Promise.all(ended.map((terminal) => terminal.client.closed)), sleep(10_000)]);
    for (const terminal of ended) endings.push(terminal.endedAt === undefined ? Number.POSITIVE_INFINITY : terminal.endedAt - revokedAt);
  }
  return endings;
}

/** Requests and approvals on alternating replicas for one more engineer, until the deadline: ms per approved grant. */
export async function churnApprovals(replicas: Replicas, seed: Seed, deadline: number): Promise<number[]> {
  const engineerId = await replicas[1].call<string>('engineer', { name: 'scale-churn' });
  const latencies: number[] = [];
  for (let turn = 0; Date.now() < deadline; turn++) {
    const started = performance.now();
    const grantId = await grant(replicas, seed, engineerId, turn);
    latencies.push(performance.now() - started);
    await pick(replicas, turn).call('revoke', { ...seed, grantId });
    await sleep(500);
  }
  return latencies;
}
