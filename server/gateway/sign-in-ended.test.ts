import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/server/actor/actor';
import { endBrowserSession } from '@/server/auth/end-browser-session';
import { env } from '@/server/env';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { createApiToken } from '@/server/tokens/create-api-token';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';
import { changePassword } from '@/server/users/change-password';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, refusedStatus, type TerminalClient } from '@/test/harness/terminal-client';

/** Cutting a credential cuts what it opened: the bound disabling a user is held to. */
const WITHIN_MS = 1_000;

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

async function shell() {
  const admin = await makeAdmin();
  const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
  await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  return resource;
}

/** The actor an API request with a new token of this user's is. */
async function tokenActor(actor: Actor): Promise<{ actor: Actor; tokenId: string }> {
  const token = await createApiToken({ actor, input: { name: `script ${Math.random()}` } });
  return { actor: { ...actor, via: 'token', tokenId: token.id }, tokenId: token.id };
}

async function openTerminal(actor: Actor, resourceId: string): Promise<{ id: string; term: TerminalClient }> {
  const created = await createSession({ actor, input: { resourceId } });
  const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  opened.push(term);
  term.type('echo live-$((40+2))\n');
  await term.waitFor(/live-42/);
  return { id: created.id, term };
}

async function endReasonOf(id: string) {
  const deadline = Date.now() + WITHIN_MS;
  for (;;) {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    if (row?.status === 'ended' || Date.now() > deadline) return row?.endReason;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stillLive(term: TerminalClient): Promise<void> {
  term.type('echo still-$((5+6))\n');
  await term.waitFor(/still-11/);
}

describeEachDriver('a session ends with the sign-in that opened it', () => {
  it('revoking an API token ends the terminal it opened at once; the browser’s terminal goes on', async () => {
    const resource = await shell();
    const engineer = await makeUser();
    const script = await tokenActor(engineer.actor);
    const byToken = await openTerminal(script.actor, resource.id);
    const byBrowser = await openTerminal(engineer.actor, resource.id);

    const startedAt = Date.now();
    await revokeApiToken({ actor: engineer.actor, tokenId: script.tokenId });
    expect(await byToken.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'signed_out', message: expect.stringMatching(/token revoked/) });
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);
    expect(await endReasonOf(byToken.id)).toBe('signed_out');
    await stillLive(byBrowser.term);
  });

  it('signing out ends what the browser opened, not what a token opened, and a ticket asked for before opens nothing', async () => {
    const resource = await shell();
    const engineer = await makeUser();
    const script = await tokenActor(engineer.actor);
    const byBrowser = await openTerminal(engineer.actor, resource.id);
    const byToken = await openTerminal(script.actor, resource.id);
    const unused = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });

    const [user] = await db().select().from(users).where(eq(users.id, engineer.user.id));
    expect(await endBrowserSession({ uid: engineer.user.id, sv: user!.sessionVersion })).toBe(true);
    expect(await byBrowser.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'signed_out' });
    expect(await endReasonOf(byBrowser.id)).toBe('signed_out');
    expect(await refusedStatus(gateway.localUrl(unused.wsUrl), { origin: env().publicUrl })).toBe(401);
    await stillLive(byToken.term);
  });

  it('a browser sign-in that reaches its time limit ends what it opened then, not before; a ticket asked for before opens nothing', async () => {
    const resource = await shell();
    const engineer = await makeUser();
    const signInEndsAt = new Date(Date.now() + 2_500);
    const expiring = { ...engineer.actor, signInEndsAt };
    const byExpiring = await openTerminal(expiring, resource.id);
    const unused = await createSession({ actor: expiring, input: { resourceId: resource.id } });
    const byNewer = await openTerminal({ ...engineer.actor, signInEndsAt: new Date(Date.now() + 3_600_000) }, resource.id);
    await stillLive(byExpiring.term);

    expect(await byExpiring.term.waitForMessage('exit', 2_500 + WITHIN_MS)).toMatchObject({
      reason: 'signed_out',
      message: expect.stringMatching(/time limit/),
    });
    expect(Date.now()).toBeGreaterThanOrEqual(signInEndsAt.getTime());
    expect(Date.now()).toBeLessThan(signInEndsAt.getTime() + WITHIN_MS);
    expect(await endReasonOf(byExpiring.id)).toBe('signed_out');
    expect(await refusedStatus(gateway.localUrl(unused.wsUrl), { origin: env().publicUrl })).toBe(401);
    await stillLive(byNewer.term);
  });

  it('changing the password ends every session the user’s sign-ins and tokens opened', async () => {
    const resource = await shell();
    const engineer = await makeUser();
    const script = await tokenActor(engineer.actor);
    const byBrowser = await openTerminal(engineer.actor, resource.id);
    const byToken = await openTerminal(script.actor, resource.id);

    await changePassword({ actor: engineer.actor, input: { currentPassword: engineer.password, newPassword: 'quartz lantern meadow 4417 orbit' } });
    expect(await byBrowser.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'signed_out' });
    expect(await byToken.term.waitForMessage('exit', WITHIN_MS)).toMatchObject({ reason: 'signed_out' });
  });
});
