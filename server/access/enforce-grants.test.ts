import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { resources, sessions, users } from '@/db/schema';
import { env } from '@/server/env';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { startTestGateway, type TestGateway } from '@/test/harness/gateway';
import { startSshd, type Sshd } from '@/test/harness/sshd';
import { connectTerminal, refusedStatus } from '@/test/harness/terminal-client';
import { CloseCode } from '../gateway/protocol';
import { confirmHostKey } from '../resources/confirm-host-key';
import { createSession } from '../sessions/create-session';
import { approveRequest } from './approve-request';
import { createRequest } from './create-request';
import { enforceGrants, startGrantEnforcement } from './enforce-grants';
import { expireGrants } from './expire-grants';
import { revokeGrant } from './revoke-grant';
import { updateResource } from '../resources/update-resource';

let sshd: Sshd;
let gateway: TestGateway;
let stopEnforcement: () => void = () => {};
beforeAll(async () => {
  [sshd, gateway] = await Promise.all([startSshd(), startTestGateway()]);
});
afterAll(async () => {
  await Promise.all([sshd?.stop(), gateway?.close()]);
});
beforeEach(() => {
  stopEnforcement = startGrantEnforcement();
});

const origin = () => env().publicUrl;

/** An approval-mode resource on the test sshd, an engineer holding an approved grant, and an approver. */
async function grantedScenario() {
  const admin = await makeAdmin();
  const resource = await makeResource(
    sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password, accessMode: 'approval' }),
  );
  await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
  const engineer = await makeUser();
  const approver = await makeUser({ roles: ['approver'] });
  const request = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes: 30, reason: 'e2e' } });
  return { admin, resource, engineer, approver, request };
}

async function endedRow(id: string) {
  for (let i = 0; i < 200; i++) {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    if (row?.status === 'ended') return row;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the session row never ended');
}

describeEachDriver('sessions inside grants', () => {
  afterEach(async () => {
    stopEnforcement();
    await gateway.idle();
  });

  it('refuses a session without a grant, opens one inside it, and ends it live on revoke', async () => {
    const { resource, engineer, approver, request, admin } = await grantedScenario();
    await expect(createSession({ actor: engineer.actor, input: { resourceId: resource.id } })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
    const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
    await term.waitForMessage('status');
    term.type('echo granted-$((40+2))\n');
    await term.waitFor(/granted-42/);
    // The browser learns when the grant ends, to show the time left and warn before it.
    const [grantRow] = await db().select().from(grants).where(eq(grants.id, grantId));
    const announced = await term.waitForMessage('grant');
    expect(Date.parse(announced.expiresAt)).toBe(grantRow?.expiresAt.getTime());
    expect(await enforceGrants()).toEqual([]);

    await revokeGrant({ actor: admin.actor, grantId, input: { reason: 'done' } });
    // The engineer reads who revoked it and why, in the terminal and later on the session's row.
    const message = `Your access was revoked by ${admin.user.name}: done`;
    expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'grant_revoked', message });
    expect((await term.closed).code).toBe(CloseCode.Terminated);
    expect(await endedRow(created.id)).toMatchObject({ endReason: 'grant_revoked', endMessage: message });
    await expect(createSession({ actor: engineer.actor, input: { resourceId: resource.id } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('says the grantee ended it when they revoke their own grant early, without a reason', async () => {
    const { resource, engineer, approver, request } = await grantedScenario();
    const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
    const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
    await term.waitForMessage('status');
    await revokeGrant({ actor: engineer.actor, grantId });
    expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'grant_revoked', message: 'Access ended early at the grantee’s request.' });
    expect(await endedRow(created.id)).toMatchObject({ endMessage: 'Access ended early at the grantee’s request.' });
  });

  it('does not blame a grant revoked before the session began when the resource then needs approval', async () => {
    const { admin, resource, engineer, approver, request } = await grantedScenario();
    const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
    await revokeGrant({ actor: admin.actor, grantId, input: { reason: 'an old revoke' } });
    await updateResource({ actor: admin.actor, resourceId: resource.id, input: { accessMode: 'open', allowedRoles: ['engineer'] } });
    const created = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
    const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
    await term.waitForMessage('status');
    await updateResource({ actor: admin.actor, resourceId: resource.id, input: { accessMode: 'approval' } });
    expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'terminated' });
    expect((await endedRow(created.id)).endMessage).not.toMatch(/an old revoke/);
  });

  it('ends a live session when the grant expires, and refuses a ticket minted before the expiry', async () => {
    const { resource, engineer, approver, request } = await grantedScenario();
    const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
    const live = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
    const spare = await createSession({ actor: engineer.actor, input: { resourceId: resource.id } });
    const term = await connectTerminal(gateway.localUrl(live.wsUrl), { origin: origin() });
    await term.waitForMessage('status');

    await db()
      .update(grants)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(grants.id, grantId));
    // The ticket is still unused and unexpired, but the grant is over: the upgrade is refused.
    expect(await refusedStatus(gateway.localUrl(spare.wsUrl), { origin: origin() })).toBe(403);

    await expireGrants();
    expect(await term.waitForMessage('exit')).toMatchObject({ reason: 'grant_expired' });
    expect(await endedRow(live.id)).toMatchObject({ endReason: 'grant_expired' });
  });

  it('its re-check also ends sessions whose user was disabled or resource deleted without an event reaching this replica', async () => {
    const admin = await makeAdmin();
    const resource = await makeResource(sshResource({ host: sshd.host, port: sshd.port, username: sshd.username, password: sshd.password }));
    await confirmHostKey({ actor: admin.actor, resourceId: resource.id, input: { fingerprint: sshd.hostKeyFingerprint } });
    const open = async () => {
      const { user, actor } = await makeUser();
      const created = await createSession({ actor, input: { resourceId: resource.id } });
      const term = await connectTerminal(gateway.localUrl(created.wsUrl), { origin: origin() });
      await term.waitForMessage('status');
      return { user, created, term };
    };
    const disabled = await open();
    const other = await open();
    // Written straight to the database: as if the bus message was lost on the way here.
    await db().update(users).set({ isDisabled: true }).where(eq(users.id, disabled.user.id));
    expect(await enforceGrants()).toEqual([disabled.created.id]);
    expect(await disabled.term.waitForMessage('exit')).toMatchObject({ reason: 'user_disabled' });
    expect(await endedRow(disabled.created.id)).toMatchObject({ endReason: 'user_disabled' });

    await db().delete(resources).where(eq(resources.id, resource.id));
    expect(await enforceGrants()).toEqual([other.created.id]);
    expect(await other.term.waitForMessage('exit')).toMatchObject({ reason: 'resource_deleted' });
    expect(await endedRow(other.created.id)).toMatchObject({ endReason: 'resource_deleted' });
  });
});
