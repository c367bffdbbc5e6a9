import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { startGrantEnforcement } from '@/server/access/enforce-grants';
import { getMyAccess } from '@/server/access/get-my-access';
import { getRequest } from '@/server/access/get-request';
import { env } from '@/server/env';
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function grantMessages(term: TerminalClient) {
  return term.messages.filter((m) => m.type === 'grant');
}

describeEachDriver('more time, asked for while a session runs', () => {
  it("in a grant's last 30 minutes the engineer asks again; once approved, the terminal's countdown moves on and it outlives the first grant", async () => {
    const stopEnforcement = startGrantEnforcement();
    try {
      const admin = await makeAdmin();
      const resource = await makeResource(
        sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password, accessMode: 'approval' }),
      );
      await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
      const engineer = await makeUser();
      const approver = await makeUser({ roles: ['approver'] });
      const ask = (durationMinutes: number) => createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes, reason: 'on call' } });

      const first = await ask(60);
      const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: first.id });
      // An hour left: asking again would only duplicate it.
      const early = await rejectsWith(ask(30), 'CONFLICT');
      expect(early.userMessage).toMatch(/You can ask for more time in its last 30 minutes\.$/);
      expect(await getMyAccess({ actor: engineer.actor, resourceId: resource.id })).toMatchObject({ via: 'grant', mayAskForMore: false });

      // Its last seconds now (no expiry job runs here: only the session's own check at the grant's end can end it).
      const [firstGrant] = await db()
        .update(grants)
        .set({ expiresAt: sql`now() + interval '4 seconds'` })
        .where(eq(grants.id, grantId))
        .returning();
      const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
      const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: env().publicUrl });
      opened.push(term);
      expect(Date.parse((await term.waitForMessage('grant')).expiresAt)).toBe(firstGrant!.expiresAt.getTime());
      expect(await getMyAccess({ actor: engineer.actor, resourceId: resource.id })).toMatchObject({ mayAskForMore: true });

      const more = await ask(30);
      expect(await getMyAccess({ actor: engineer.actor, resourceId: resource.id })).toMatchObject({
        mayAskForMore: false,
        current: { id: more.id, status: 'pending' },
      });
      // The approver sees that this asks for more time, and until when the engineer has access.
      expect((await getRequest({ actor: approver.actor, requestId: more.id })).requesterAccessUntil).toBe(firstGrant!.expiresAt.toISOString());
      expect((await getRequest({ actor: approver.actor, requestId: first.id })).requesterAccessUntil).toBeNull();
      const approved = await approveRequest({ actor: approver.actor, requestId: more.id });
      const [secondGrant] = await db()
        .select()
        .from(grants)
        .where(eq(grants.id, approved.grantId ?? ''));
      for (const deadline = Date.now() + 3_000; grantMessages(term).length < 2 && Date.now() < deadline;) await sleep(20);
      expect(grantMessages(term).map((m) => Date.parse(m.expiresAt))).toEqual([firstGrant!.expiresAt.getTime(), secondGrant!.expiresAt.getTime()]);

      // Past the first grant's end and its check: the shell still answers.
      await sleep(Math.max(0, firstGrant!.expiresAt.getTime() + 1_000 - Date.now()));
      term.type('echo still-$((6*7))\n');
      await term.waitFor(/still-42/);
      expect(term.messages.some((m) => m.type === 'exit')).toBe(false);
    } finally {
      stopEnforcement();
    }
  });
});
