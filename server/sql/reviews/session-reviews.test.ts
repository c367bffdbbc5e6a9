import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, sessions } from '@/db/schema';
import { sqlReviews } from '@/db/sql-schema';
import { describeEachDriver } from '@/test/db-drivers';
import { makeResource, makeUser, postgresResource } from '@/test/factories';
import { createSqlReview } from './create-sql-review';
import { cancelSessionReviews, withdrawSqlReview } from './session-reviews';

async function heldReview() {
  const { user } = await makeUser();
  const resource = await makeResource(postgresResource());
  const [session] = await db()
    .insert(sessions)
    .values({ userId: user.id, resourceName: 'db', resourceType: 'postgres', status: 'active', startedAt: sql`now()` })
    .returning();
  if (!session) throw new Error('session');
  const reviewId = await createSqlReview({
    sessionId: session.id,
    requesterId: user.id,
    resource: { id: resource.id, name: resource.name },
    script: 'DELETE FROM t',
    statements: [{ text: 'DELETE FROM t', classes: ['write'], action: 'review', reasons: ['no WHERE'] }],
    reason: 'no WHERE',
  });
  return { user, session, reviewId };
}

const auditFor = (reviewId: string) =>
  db()
    .select({ action: auditEvents.action, actorId: auditEvents.actorId, data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, 'sql_review'), eq(auditEvents.targetId, reviewId)))
    .orderBy(auditEvents.at);

describeEachDriver('statement reviews that close without a decision', () => {
  it('records a withdrawal in the audit log, once', async () => {
    const { user, session, reviewId } = await heldReview();
    expect(await withdrawSqlReview(reviewId, user.id)).toBe(true);
    expect(await withdrawSqlReview(reviewId, user.id)).toBe(false);
    expect(await auditFor(reviewId)).toEqual([
      expect.objectContaining({ action: 'sql_review.create' }),
      { action: 'sql_review.withdraw', actorId: user.id, data: { sessionId: session.id } },
    ]);
  });

  it('records the reviews a session end cancels, and leaves decided ones alone', async () => {
    const { session, reviewId } = await heldReview();
    const [row] = await db().select().from(sqlReviews).where(eq(sqlReviews.id, reviewId));
    expect(row?.status).toBe('pending');
    await cancelSessionReviews(session.id);
    await cancelSessionReviews(session.id);
    const [after] = await db().select().from(sqlReviews).where(eq(sqlReviews.id, reviewId));
    expect(after?.status).toBe('cancelled');
    expect(await auditFor(reviewId)).toEqual([
      expect.objectContaining({ action: 'sql_review.create' }),
      { action: 'sql_review.cancel', actorId: null, data: { sessionId: session.id, reason: 'session_ended' } },
    ]);
  });
});
