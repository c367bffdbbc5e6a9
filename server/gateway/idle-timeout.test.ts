import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, type TerminalClient } from '@/test/harness/terminal-client';

/** PORTHOLE_SESSION_INPUT_IDLE_MINUTES in the test: 0.03 min = 1.8 s. */
const LIMIT_MS = 1_800;

let sshd: Sshd;
let gateway: TestGateway;
const opened: TerminalClient[] = [];

beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});
afterEach(async () => {
  for (const client of opened.splice(0)) client.ws.close();
  await gateway.idle();
});

async function openShell(): Promise<{ id: string; term: TerminalClient }> {
  const admin = await makeAdmin();
  const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
  await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  const { actor } = await makeUser();
  const created = await createSession({ actor, input: { resourceId: resource.id } });
  const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  opened.push(term);
  return { id: created.id, term };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDriver('a terminal nobody types in ends after the idle limit', () => {
  it('typing keeps it open past the limit; then, without input, it ends with the reason on screen and in its row', async () => {
    setTestEnv({ PORTHOLE_SESSION_INPUT_IDLE_MINUTES: '0.03' });
    const { id, term } = await openShell();
    const openedAt = Date.now();
    for (let i = 0; i < 3; i += 1) {
      await sleep(LIMIT_MS / 2);
      term.type(`echo typed-${i}-$((2+2))\n`);
      await term.waitFor(new RegExp(`typed-${i}-4`));
    }
    expect(Date.now() - openedAt).toBeGreaterThan(LIMIT_MS * 1.4);
    // Output is not input: a command that prints for longer than the limit is cut at the limit.
    term.type('for i in 1 2 3 4 5 6 7 8 9 10; do echo tick-$i; sleep 0.4; done\n');
    const lastInput = Date.now();
    await term.waitFor(/tick-1\b/);
    const exit = await term.waitForMessage('exit', LIMIT_MS * 3);
    const endedAfter = Date.now() - lastInput;
    expect(exit).toMatchObject({ reason: 'idle_timeout', message: 'No input for 2 s, so Porthole ended the session.' });
    expect(endedAfter).toBeGreaterThanOrEqual(LIMIT_MS - 100);
    expect(endedAfter).toBeLessThan(LIMIT_MS + 1_000);
    expect(term.output()).not.toMatch(/tick-10/);
    await gateway.idle();
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    expect(row).toMatchObject({ status: 'ended', endReason: 'idle_timeout' });
  });

  it('is off unless configured: a quiet terminal stays open', async () => {
    const { term } = await openShell();
    term.type('echo hello-$((1+1))\n');
    await term.waitFor(/hello-2/);
    await sleep(LIMIT_MS + 500);
    term.type('echo still-$((5+6))\n');
    await term.waitFor(/still-11/);
  });
});
