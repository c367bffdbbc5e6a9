import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createRequest } from '@/server/access/create-request';
import { accessScenario, REQUEST } from '@/server/access/test-helpers';
import { authenticatePassword } from '@/server/auth/authenticate-password';
import { env } from '@/server/env';
import { every } from '@/server/jobs/every';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { actorOf, makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { freePort } from '@/test/harness/free-port';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, refusedStatus } from '@/test/harness/terminal-client';
import { createHttpServer } from '../http/create-http-server';
import { startMetricsListener } from './start-metrics-listener';

const TOKEN = 'metrics-token-for-the-test-0123456789';
const AWS_KEY = 'AKIARHUNWS7DR4ERD7TI';

let sshd: Sshd;
let gateway: TestGateway;
let server: http.Server;
let base: string;
const closers: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
  server = createHttpServer({ handleRequest: async (_req, res) => void res.writeHead(418).end(), handleSocketUpgrade: (_req, socket) => socket.destroy() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close(), new Promise((resolve) => server?.close(resolve))]);
});

const scrape = async (token = TOKEN) => {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of one series in Prometheus text format (0 when absent). */
function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describeEachDriver('metrics', () => {
  it('is 404 with neither a token nor a metrics port (fail closed)', async () => {
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toMatch(/porthole_|process_/);
  });

  it('with PORTHOLE_METRICS_TOKEN: 401 without or with a wrong bearer token, 200 with it', async () => {
    setTestEnv({ PORTHOLE_METRICS_TOKEN: TOKEN });
    const bare = await fetch(`${base}/metrics`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await bare.text()).not.toMatch(/porthole_/);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    const text = await scrape();
    expect(text).toMatch(/^# TYPE porthole_live_sessions gauge$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('with PORTHOLE_METRICS_PORT: served on its own loopback listener, still 404 on the main port', async () => {
    const port = await freePort();
    setTestEnv({ PORTHOLE_METRICS_PORT: String(port) });
    const listener = await startMetricsListener();
    closers.push(() => new Promise<void>((resolve) => listener?.close(() => resolve())));
    expect((listener?.address() as AddressInfo).address).toBe('127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^porthole_approvals_pending/m);
    expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it('counts what a real session, a bad ticket, a failed login and a job run do', async () => {
    setTestEnv({ PORTHOLE_METRICS_TOKEN: TOKEN });
    const before = await scrape();
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    const admin = await makeAdmin();
    await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const { user } = await makeUser({ email: 'metrics@example.test' });
    const created = await createSession({ actor: await actorOf(user.id), input: { resourceId: resource.id } });
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
    term.type(`printf 'key=%s\\n' '${AWS_KEY}'; echo metrics-$((6*7))\n`);
    await term.waitFor(/metrics-42/);
    expect(value(await scrape(), 'porthole_live_sessions{type="terminal"}')).toBe(1);
    term.type('exit\n');
    await term.closed;
    await gateway.idle();

    const badTicket = new URL(gateway.localUrl(created.wsUrl));
    badTicket.searchParams.set('ticket', 'not-a-ticket');
    expect(await refusedStatus(badTicket.toString(), { origin: env().publicUrl })).toBe(401);
    await expect(authenticatePassword({ email: 'metrics@example.test', password: 'not the password at all', ip: '192.0.2.7' })).rejects.toThrow();
    const scenario = await accessScenario();
    await createRequest({ actor: scenario.engineer.actor, input: { resourceId: scenario.resource.id, ...REQUEST } });
    const stop = every('metrics-test-job', 60_000, () => Promise.reject(new Error('the job failed on purpose')));
    stop();

    const after = await scrape();
    const moved = (series: string) => value(after, series) - value(before, series);
    expect(value(after, 'porthole_live_sessions{type="terminal"}')).toBe(0);
    expect(moved('porthole_relayed_bytes_total{direction="output"}')).toBeGreaterThan(20);
    expect(moved('porthole_relayed_bytes_total{direction="input"}')).toBeGreaterThan(20);
    expect(moved('porthole_masks_applied_total{rule="AWS access key ID"}')).toBeGreaterThanOrEqual(1);
    expect(moved('porthole_recording_write_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(moved('porthole_ticket_failures_total')).toBe(1);
    expect(moved('porthole_login_failures_total')).toBe(1);
    expect(moved('porthole_job_runs_total{job="metrics-test-job"}')).toBe(1);
    const failures = 'porthole_job_failures_total{job="metrics-test-job"}';
    await expect.poll(async () => value(await scrape(), failures) - value(before, failures)).toBe(1);
    expect(value(after, 'porthole_approvals_pending')).toBe(1);
    expect(value(after, 'porthole_masking_held_bytes')).toBe(0);
    expect(value(after, 'porthole_recording_backlog_bytes')).toBe(0);
  });
});
