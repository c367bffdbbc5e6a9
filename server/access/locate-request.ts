import { and, count, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { findRequest } from './find-request';
import { getEffectivePolicy, isInApproverGroup } from './policy';

/**
 * Where a link to one request opens for this actor (webhooks send `/requests?id=…` to a chat
 * channel that requesters and approvers share): the requester's page of My requests that
 * holds it, the approver's Approvals view of it, or nowhere (not theirs to see, or no such
 * request: the link opens My requests as it is).
 */
export type RequestLocation = { kind: 'mine'; page: number } | { kind: 'approver' } | { kind: 'elsewhere' };

export async function locateRequest({ actor, requestId, pageSize }: { actor: Actor; requestId: string; pageSize: number }): Promise<RequestLocation> {
  const row = await findRequest(requestId);
  if (!row) return { kind: 'elsewhere' };
  const { request } = row;
  if (request.requesterId === actor.id) {
    // My requests lists newest first with the id breaking ties (list-requests.ts): count those
    // before it. The time is compared in SQL: a JavaScript Date drops the microseconds.
    const self = db().select({ createdAt: accessRequests.createdAt, id: accessRequests.id }).from(accessRequests).where(eq(accessRequests.id, request.id));
    const [before] = await db()
      .select({ n: count() })
      .from(accessRequests)
      .where(and(eq(accessRequests.requesterId, actor.id), sql`(${accessRequests.createdAt}, ${accessRequests.id}) > (${self})`));
    return { kind: 'mine', page: Math.floor((before?.n ?? 0) / pageSize) + 1 };
  }
  return isInApproverGroup(actor, await getEffectivePolicy(row.resource.id)) ? { kind: 'approver' } : { kind: 'elsewhere' };
}
