import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeResource, makeUser, postgresResource } from '@/test/factories';
import { approveRequest } from '../access/approve-request';
import { createRequest } from '../access/create-request';
import { accessScenario, REQUEST } from '../access/test-helpers';
import { createSqlReview } from '../sql/reviews/create-sql-review';
import { decideSqlReview } from '../sql/reviews/decide-sql-review';
import { withdrawSqlReview } from '../sql/reviews/session-reviews';
import { endSession } from '../sessions/end-session';
import { startSession } from '../sessions/start-session';
import { openLiveStream } from './live-stream';

/** Reads server-sent events from a stream as { event, data } objects. */
function reader(stream: ReadableStream<Uint8Array>) {
  const reading = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  /** The next event, skipping events of other types when `only` is given. */
  return async function next(only?: string): Promise<{ event: string; data: Record<string, unknown> }> {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data && (!only || event === only)) return { event, data: JSON.parse(data) as Record<string, unknown> };
        continue;
      }
      const { value, done } = await reading.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
}

describeEachDriver('live stream', () => {
  it('pushes the approver’s inbox count and the requester’s request state as they change', async () => {
    const { resource, engineer, approvers } = await accessScenario({ approvers: 1 });
    const [arlo] = approvers;
    if (!arlo) throw new Error('approver');
    const abort = new AbortController();
    const approverEvents = reader(openLiveStream({ actor: arlo.actor, signal: abort.signal }));
    const engineerEvents = reader(openLiveStream({ actor: engineer.actor, signal: abort.signal }));
    try {
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: false } });
      expect(await engineerEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: false } });

      const { id } = await createRequest({ actor: engineer.actor, input: { resourceId: resource.id, ...REQUEST } });
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 1, changed: true } });
      expect(await engineerEvents('request')).toMatchObject({ event: 'request', data: { requestId: id, status: 'pending' } });

      await approveRequest({ actor: arlo.actor, requestId: id });
      expect(await engineerEvents('request')).toMatchObject({
        event: 'request',
        data: { requestId: id, status: 'approved', grantExpiresAt: expect.any(String) },
      });
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: true } });
    } finally {
      abort.abort();
    }
  });

  it('counts held statements in the approver’s badge as they are held, decided and withdrawn', async () => {
    const resource = await makeResource(postgresResource());
    const engineer = await makeUser({ name: 'Emma Engineer' });
    const approver = await makeUser({ roles: ['approver'], name: 'Arlo Approver' });
    const [session] = await db()
      .insert(sessions)
      .values({
        userId: engineer.user.id,
        resourceId: resource.id,
        resourceName: resource.name,
        resourceType: 'postgres',
        status: 'active',
        startedAt: sql`now()`,
      })
      .returning();
    if (!session) throw new Error('session');
    const hold = () =>
      createSqlReview({
        sessionId: session.id,
        requesterId: engineer.user.id,
        resource: { id: resource.id, name: resource.name },
        script: 'DROP TABLE t',
        statements: [{ text: 'DROP TABLE t', classes: ['ddl'], action: 'review', reasons: ['DDL'] }],
        reason: 'DDL needs a review',
      });
    const abort = new AbortController();
    const approverEvents = reader(openLiveStream({ actor: approver.actor, signal: abort.signal }));
    const engineerEvents = reader(openLiveStream({ actor: engineer.actor, signal: abort.signal }));
    try {
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: false } });
      expect(await engineerEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: false } });

      const first = await hold();
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 1, changed: true } });
      // The engineer cannot review their own statement: no badge for them.
      expect(await engineerEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: true } });

      const second = await hold();
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 2, changed: true } });

      await decideSqlReview({ actor: approver.actor, input: { reviewId: first, decision: 'approve' } });
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 1, changed: true } });

      expect(await withdrawSqlReview(second, engineer.user.id)).toBe(true);
      expect(await approverEvents()).toEqual({ event: 'inbox', data: { count: 0, changed: true } });
    } finally {
      abort.abort();
    }
  });

  it('tells auditors of every session that opens or ends, and everyone else of their own only', async () => {
    const resource = await makeResource(postgresResource());
    const engineer = await makeUser({ name: 'Emma Engineer' });
    const bystander = await makeUser({ name: 'Bo Bystander' });
    const auditor = await makeUser({ roles: ['auditor'], name: 'Ada Auditor' });
    const [session] = await db()
      .insert(sessions)
      .values({ userId: engineer.user.id, resourceId: resource.id, resourceName: resource.name, resourceType: 'postgres' })
      .returning();
    if (!session) throw new Error('session');
    const abort = new AbortController();
    const auditorEvents = reader(openLiveStream({ actor: auditor.actor, signal: abort.signal }));
    const engineerEvents = reader(openLiveStream({ actor: engineer.actor, signal: abort.signal }));
    const bystanderEvents = reader(openLiveStream({ actor: bystander.actor, signal: abort.signal }));
    try {
      await Promise.all([auditorEvents(), engineerEvents(), bystanderEvents()]);
      await startSession({ sessionId: session.id, userId: engineer.user.id });
      expect(await auditorEvents('session')).toEqual({ event: 'session', data: { sessionId: session.id, status: 'active' } });
      expect(await engineerEvents('session')).toEqual({ event: 'session', data: { sessionId: session.id, status: 'active' } });
      await endSession({ sessionId: session.id, reason: 'user_exit', message: 'bye', bytesIn: 0, bytesOut: 0 });
      expect(await auditorEvents('session')).toEqual({ event: 'session', data: { sessionId: session.id, status: 'ended' } });
      expect(await engineerEvents('session')).toEqual({ event: 'session', data: { sessionId: session.id, status: 'ended' } });

      // The bystander's next event is a session of their own, never the engineer's.
      const [own] = await db()
        .insert(sessions)
        .values({ userId: bystander.user.id, resourceId: resource.id, resourceName: resource.name, resourceType: 'postgres' })
        .returning();
      await startSession({ sessionId: own?.id ?? '', userId: bystander.user.id });
      expect(await bystanderEvents('session')).toEqual({ event: 'session', data: { sessionId: own?.id, status: 'active' } });
    } finally {
      abort.abort();
    }
  });
});
