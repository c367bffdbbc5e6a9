import { afterAll, beforeAll, expect, it } from 'vitest';
import { setDb, type DbHandle } from '@/db/client';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { openTestDb } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal } from '@/test/harness/terminal-client';
import { liveSessions } from '../relay/live-sessions';
import { ACK_EVERY_BYTES, FLOW_WINDOW_BYTES } from './protocol';

/** One SSH packet: the most the gateway sends past the window before it pauses. */
const ONE_CHUNK = 64 * 1024;
const FLOOD_BYTES = 200_000_000;
const Q = 0x51;

let sshd: Sshd;
let gateway: TestGateway;
let handle: DbHandle;
beforeAll(async () => {
  [sshd, gateway, handle] = await Promise.all([startSshd(), startTestGateway(), openTestDb('pglite')]);
  setDb(handle);
});
afterAll(async () => {
  // The gateway first: it records the end of any session still open.
  await gateway?.close();
  setDb(undefined);
  await Promise.all([sshd?.stop(), handle?.close()]);
});

async function openSession() {
  const admin = (await makeAdmin()).actor;
  const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
  await confirmHostKey({ actor: admin, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  return { id: created.id, url: gateway.localUrl(created.wsUrl) };
}

/**
 * A browser whose terminal is slower than the target: it acknowledges each batch a few
 * milliseconds after receiving it, as xterm's write callback would.
 */
function slowReader() {
  let received = 0;
  let lastAck = 0;
  let maxOutstanding = 0;
  let qCount = 0;
  let tail = '';
  let ackTimer: NodeJS.Timeout | undefined;
  const state = {
    onOutput(chunk: Buffer) {
      received += chunk.length;
      maxOutstanding = Math.max(maxOutstanding, received - lastAck);
      // A plain loop: one indexOf call per Q cost the process (the gateway's too) seconds of CPU.
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === Q) qCount++;
      tail = (tail + chunk.subarray(-200).toString('latin1')).slice(-200);
      state.scheduleAck();
    },
    /** Like xterm's write callback: everything received is acknowledged a little later. */
    scheduleAck() {
      if (ackTimer || received - lastAck < ACK_EVERY_BYTES) return;
      const upTo = received;
      ackTimer = setTimeout(() => {
        ackTimer = undefined;
        lastAck = upTo;
        state.ack(upTo);
        state.scheduleAck();
      }, 3);
    },
    ack: (_bytes: number) => {},
    stats: () => ({ received, maxOutstanding, qCount, tail }),
  };
  return state;
}

it('bounds what is in flight during a 200 MB flood to a slow browser, and loses nothing', async () => {
  const { id, url } = await openSession();
  const reader = slowReader();
  const term = await connectTerminal(url, { origin: env().publicUrl, isAcking: false, onOutput: (chunk) => reader.onOutput(chunk) });
  reader.ack = (bytes) => term.ack(bytes);
  let peakArrayBuffers = 0;
  const sampler = setInterval(() => (peakArrayBuffers = Math.max(peakArrayBuffers, process.memoryUsage().arrayBuffers)), 50);
  const baseline = process.memoryUsage().arrayBuffers;

  // Octal \121 is Q, so the echoed command line itself contains no Q.
  term.type(`head -c ${FLOOD_BYTES} /dev/zero | tr '\\0' '\\121'; echo; echo done-$((40+2))\n`);
  const deadline = Date.now() + 45_000;
  while (!reader.stats().tail.includes('done-42')) {
    if (Date.now() > deadline) throw new Error(`flood did not finish: ${reader.stats().received} bytes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  clearInterval(sampler);
  const stats = liveSessions().get(id)?.stats();
  term.ws.close();

  expect(reader.stats().qCount).toBe(FLOOD_BYTES);
  expect(stats).toBeDefined();
  expect(stats?.pauseCount).toBeGreaterThan(0);
  expect(stats?.maxUnacked).toBeLessThanOrEqual(FLOW_WINDOW_BYTES + ONE_CHUNK);
  expect(stats?.maxBuffered).toBeLessThanOrEqual(FLOW_WINDOW_BYTES + ONE_CHUNK);
  expect(reader.stats().maxOutstanding).toBeLessThanOrEqual(FLOW_WINDOW_BYTES + ONE_CHUNK);
  // Buffers alive at once, garbage not yet collected included (gateway, recorder and client
  // share this process): tens of MB, where an unbounded relay would hold the whole flood.
  expect(peakArrayBuffers - baseline).toBeLessThan(128 * 1024 * 1024);
}, 60_000);

it('stays responsive during a flood: Ctrl+C stops it and the next command runs', async () => {
  const { url } = await openSession();
  const term = await connectTerminal(url, { origin: env().publicUrl, onOutput: () => {} });
  let tail = '';
  term.ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) tail = (tail + data.subarray(-200).toString('latin1')).slice(-200);
  });
  term.type('yes flood\n');
  while (term.received() < 8 * 1024 * 1024) await new Promise((resolve) => setTimeout(resolve, 10));
  term.type('\x03');
  term.type('echo stopped-$((5+5))\n');
  const deadline = Date.now() + 10_000;
  while (!tail.includes('stopped-10')) {
    if (Date.now() > deadline) throw new Error('Ctrl+C did not stop the flood');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  term.ws.close();
});
