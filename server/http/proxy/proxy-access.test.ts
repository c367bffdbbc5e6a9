import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import { recordings } from '@/db/recording-schema';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { startGrantEnforcement } from '@/server/access/enforce-grants';
import { expireGrants } from '@/server/access/expire-grants';
import { deleteResource } from '@/server/resources/delete-resource';
import { updateResource } from '@/server/resources/update-resource';
import { terminateSession } from '@/server/sessions/terminate-session';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, sshResource } from '@/test/factories';
import { endedSession, httpResource, proxySuite, recordedSession, sessionsOf, userWithToken } from './testing/proxy-suite';

const suite = proxySuite();

let stopEnforcement = () => {};
beforeEach(() => {
  stopEnforcement = startGrantEnforcement();
});
afterEach(() => stopEnforcement());

async function errorOf(response: Response) {
  return { status: response.status, ...((await response.json()) as { error: { code: string; message: string } }).error };
}

/** An approval-mode HTTP resource and an engineer holding an approved grant on it. */
async function granted() {
  const resource = await httpResource(suite.upstream().base, { accessMode: 'approval' });
  const engineer = await userWithToken();
  const approver = await makeUser({ roles: ['approver'] });
  const request = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, durationMinutes: 30, reason: 'incident' } });
  const { grantId = '' } = await approveRequest({ actor: approver.actor, requestId: request.id });
  return { resource, engineer, grantId };
}

describeEachDriver('HTTP proxy: who may call it', () => {
  it('refuses a request without a token, with only a browser cookie, or with a bad token, before anything goes upstream', async () => {
    const resource = await httpResource(suite.upstream().base);
    const hitsBefore = suite.upstream().received.length;
    const url = suite.url(resource.id, '/echo');

    const none = await fetch(url);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect(await errorOf(none)).toMatchObject({ status: 401, message: expect.stringContaining('Authorization: Bearer') });
    const cookie = await fetch(url, { headers: { cookie: 'next-auth.session-token=whatever' } });
    expect(cookie.status).toBe(401);
    const bad = await fetch(url, { headers: { authorization: 'Bearer pht_not-a-real-token' } });
    expect(await errorOf(bad)).toMatchObject({ status: 401, message: 'The API token is invalid, expired or revoked.' });
    expect(suite.upstream().received.length).toBe(hitsBefore);
  });

  it('refuses a user without a grant (403), a method it does not relay (405), an unknown resource and a resource that is not an HTTP API (404)', async () => {
    const resource = await httpResource(suite.upstream().base, { accessMode: 'approval' });
    const { user, token } = await userWithToken();
    const hitsBefore = suite.upstream().received.length;
    const headers = { authorization: `Bearer ${token}` };

    const refused = await fetch(suite.url(resource.id, '/upload'), { method: 'POST', headers, body: 'x'.repeat(10_000) });
    expect(await errorOf(refused)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const unknown = await fetch(suite.url('00000000-0000-4000-8000-000000000000', '/echo'), { headers });
    expect(await errorOf(unknown)).toMatchObject({ status: 404, message: 'No such resource.' });
    const webdav = await fetch(suite.url(resource.id, '/echo'), { method: 'PROPFIND', headers });
    expect(await errorOf(webdav)).toMatchObject({ status: 405, message: expect.stringContaining('PROPFIND is not relayed') });
    const shell = await makeResource(sshResource({ allowedRoles: ['engineer'] }));
    const notHttp = await fetch(suite.url(shell.id, '/echo'), { headers });
    expect(await errorOf(notHttp)).toMatchObject({ status: 404, message: expect.stringContaining('not an HTTP API') });
    expect(suite.upstream().received.length).toBe(hitsBefore);
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it('follows a change to the resource from the very next request: approval now required, then the resource deleted', async () => {
    const resource = await httpResource(suite.upstream().base);
    const { token } = await userWithToken();
    const { actor: admin } = await makeAdmin();
    const headers = { authorization: `Bearer ${token}` };
    expect((await fetch(suite.url(resource.id, '/echo'), { headers })).status).toBe(200);
    await updateResource({ actor: admin, resourceId: resource.id, input: { accessMode: 'approval' } });
    expect(await errorOf(await fetch(suite.url(resource.id, '/echo'), { headers }))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    await deleteResource({ actor: admin, resourceId: resource.id });
    expect(await errorOf(await fetch(suite.url(resource.id, '/echo'), { headers }))).toMatchObject({ status: 404, message: 'No such resource.' });
  });

  it('groups requests in one session that a grant expiring ends; the next request is refused', async () => {
    const { resource, engineer, grantId } = await granted();
    const headers = { authorization: `Bearer ${engineer.token}` };
    expect((await fetch(suite.url(resource.id, '/echo'), { headers })).status).toBe(200);
    expect((await fetch(suite.url(resource.id, '/echo?again'), { headers })).status).toBe(200);
    const rows = await sessionsOf(engineer.user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'active', isAutomated: true, resourceType: 'http' });

    await db()
      .update(grants)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(grants.id, grantId));
    await expireGrants();
    expect(await endedSession(rows[0]!.id)).toMatchObject({ endReason: 'grant_expired' });
    const after = await fetch(suite.url(resource.id, '/echo'), { headers });
    expect(after.status).toBe(403);
    expect(await sessionsOf(engineer.user.id)).toHaveLength(1);
  });

  it("an auditor's terminate ends the session and cuts the request still in flight", async () => {
    const resource = await httpResource(suite.upstream().base);
    const { user, token } = await userWithToken();
    const auditor = await makeUser({ roles: ['auditor'] });
    const response = await fetch(suite.url(resource.id, '/stream'), { headers: { authorization: `Bearer ${token}` } });
    const reader = response.body!.getReader();
    await reader.read();
    const [session] = await sessionsOf(user.id);

    await terminateSession({ actor: auditor.actor, sessionId: session!.id, input: { reason: 'suspicious export' } });
    await expect(
      (async () => {
        for (let part = await reader.read(); !part.done; part = await reader.read());
      })(),
    ).rejects.toThrow();
    expect(await endedSession(session!.id)).toMatchObject({ endReason: 'terminated', endMessage: expect.stringContaining('suspicious export') });
    suite.upstream().release();
    // The cut request is in the recording with why it got no complete answer, and the recording is sealed intact.
    const { exchanges } = await recordedSession(session!.id);
    expect(exchanges).toEqual([
      expect.objectContaining({ request: expect.objectContaining({ url: '/stream' }), error: expect.stringContaining('suspicious export') }),
    ]);
    const [recording] = await db().select().from(recordings).where(eq(recordings.id, session!.id));
    expect(recording?.status).toBe('complete');
  });
});
