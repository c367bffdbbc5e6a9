import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { enforceGrants, startGrantEnforcement } from '@/server/access/enforce-grants';
import { getMyAccess } from '@/server/access/get-my-access';
import { getRequest } from '@/server/access/get-request';
import { revokeGrant } from '@/server/access/revoke-grant';
import { env } from '@/server/env';
import { liveSessions } from '@/server/relay/live-sessions';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createSession } from '@/server/sessions/create-session';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, type TerminalClient } from '@/test/harness/terminal-client';

let sshd: Sshd;
let gateway: TestGateway;
let stopEnforcement: () => void;
const opened: TerminalClient[] = [];

beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
  stopEnforcement = startGrantEnforcement();
}, 60_000);
afterAll(async () => {
  stopEnforcement?.();
  await Promise.all([sshd?.stop(), gateway?.close()]);
});
afterEach(async () => {
  for (const client of opened.splice(0)) client.ws.close();
  await gateway.idle();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The ends of the grants the terminal was told of, in order (epoch ms). */
function grantEnds(term: TerminalClient): number[] {
  return term.messages.flatMap((m) => (m.type === 'grant' ? [Date.parse(m.expiresAt)] : []));
}

async function untilGrantMessages(term: TerminalClient, count: number): Promise<number[]> {
  for (const deadline = Date.now() + 5_000; grantEnds(term).length < count && Date.now() < deadline;) await sleep(20);
  return grantEnds(term);
}

/**
 * An engineer with a grant of 10 minutes left (asked for an hour, shortened in the database) and a
 * terminal open inside it, then more time asked for and approved.
 */
async function extendedTerminal() {
  const admin = await makeAdmin();
  const resource = await makeResource(
    sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password, accessMode: 'approval' }),
  );
  await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  const engineer = await makeUser();
  const approver = await makeUser({ roles: ['approver'] });
  const ask = (durationMinutes: number) => createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes, reason: 'on call' } });
  const access = () => getMyAccess({ actor: engineer.actor, resourceId: resource.id });

  const first = await ask(60);
  const { grantId: firstId = '' } = await approveRequest({ actor: approver.actor, requestId: first.id });
  // An hour left: asking again would only duplicate it.
  const early = await rejectsWith(ask(30), 'CONFLICT');
  expect(early.userMessage).toMatch(/You can ask for more time once less than 30m is left\.$/);
  expect(await access()).toMatchObject({ via: 'grant', mayAskForMore: false });

  const [firstGrant] = await db()
    .update(grants)
    .set({ expiresAt: sql`now() + interval '10 minutes'` })
    .where(eq(grants.id, firstId))
    .returning();
  expect(await access()).toMatchObject({ mayAskForMore: true, grantMinutesLeft: 10 });
  const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
  const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
  opened.push(term);
  expect(await untilGrantMessages(term, 1)).toEqual([firstGrant!.expiresAt.getTime()]);

  // No longer than what is left: the new grant starts at approval, so it would add nothing.
  const short = await rejectsWith(ask(10), 'VALIDATION');
  expect(short.userMessage).toBe('Your access has 10m left: ask for longer than that.');
  const more = await ask(30);
  // Marked so wherever it is listed (the approver's inbox, My requests, the API); the first was not.
  expect([first.isMoreTime, more.isMoreTime]).toEqual([false, true]);
  expect(await access()).toMatchObject({ mayAskForMore: false, current: { id: more.id, status: 'pending' } });
  // The approver sees that it asks for more time, and until when the engineer has access now.
  expect((await getRequest({ actor: approver.actor, requestId: more.id })).requesterAccessUntil).toBe(firstGrant!.expiresAt.toISOString());
  expect((await getRequest({ actor: approver.actor, requestId: first.id })).requesterAccessUntil).toBeNull();
  const { grantId: secondId = '' } = await approveRequest({ actor: approver.actor, requestId: more.id });
  const [secondGrant] = await db().select().from(grants).where(eq(grants.id, secondId));
  return { engineer, approver, resource, term, sessionId: created.id, firstGrant: firstGrant!, secondGrant: secondGrant! };
}

describeEachDriver('more time, asked for while a session runs', () => {
  it("in a grant's last 30 minutes the engineer asks again; once approved, the countdown moves on and the terminal outlives the first grant", async () => {
    const { engineer, resource, term, firstGrant, secondGrant } = await extendedTerminal();
    expect(await untilGrantMessages(term, 2)).toEqual([firstGrant.expiresAt.getTime(), secondGrant.expiresAt.getTime()]);

    // The first grant runs out: the access check keeps the session, under the second.
    await db()
      .update(grants)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(grants.id, firstGrant.id));
    expect(await enforceGrants({ userId: engineer.user.id, resourceId: resource.id })).toEqual([]);
    term.type('echo still-$((6*7))\n');
    await term.waitFor(/still-42/);
    expect(term.messages.some((m) => m.type === 'exit')).toBe(false);
  });

  it('the added time revoked, the session goes on under the first grant, its countdown moves back, and it ends when that grant does', async () => {
    const { approver, term, sessionId, firstGrant, secondGrant } = await extendedTerminal();
    expect(await untilGrantMessages(term, 2)).toEqual([firstGrant.expiresAt.getTime(), secondGrant.expiresAt.getTime()]);
    await revokeGrant({ actor: approver.actor, grantId: secondGrant.id, input: { reason: 'not needed' } });
    expect(await untilGrantMessages(term, 3)).toEqual([firstGrant.expiresAt.getTime(), secondGrant.expiresAt.getTime(), firstGrant.expiresAt.getTime()]);
    term.type('echo kept-$((6*7))\n');
    await term.waitFor(/kept-42/);
    expect(term.messages.some((m) => m.type === 'exit')).toBe(false);

    // The first grant now runs out in a second: read again, its end is where the session checks, and
    // ends it as an expiry (the revoked added time is not why it ends).
    await db()
      .update(grants)
      .set({ expiresAt: sql`now() + interval '1 second'` })
      .where(eq(grants.id, firstGrant.id));
    liveSessions().get(sessionId)?.grantChanged?.();
    expect(await term.waitForMessage('exit', 5_000)).toMatchObject({ reason: 'grant_expired' });
  });
});
