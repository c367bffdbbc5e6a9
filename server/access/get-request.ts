import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { sessions } from '@/db/schema';
import { canSeeAll, hasRole, type Actor } from '../actor/actor';
import type { RequestDetailView } from './access-schemas';
import { findRequest, noSuchRequest } from './find-request';
import { getActiveGrant } from './get-active-grant';
import { toPolicyView } from './get-policy';
import { getEffectivePolicy, isInApproverGroup } from './policy';
import { toRequestViews } from './request-view';

/**
 * One request with what the actor may do with it and the requester's recent sessions on the
 * resource. Visible to the requester, the resource's approvers, admins and auditors.
 */
export async function getRequest({ actor, requestId }: { actor: Actor; requestId: string }): Promise<RequestDetailView> {
  const row = await findRequest(requestId);
  if (!row) throw noSuchRequest();
  const policy = await getEffectivePolicy(row.resource.id);
  const isOwn = row.request.requesterId === actor.id;
  const isApprover = isInApproverGroup(actor, policy);
  if (!isOwn && !isApprover && !canSeeAll(actor)) throw noSuchRequest();

  const [[view], policyView, recent, access] = await Promise.all([
    toRequestViews([row]),
    toPolicyView(policy),
    db()
      .select({ id: sessions.id, status: sessions.status, createdAt: sessions.createdAt, startedAt: sessions.startedAt, endedAt: sessions.endedAt })
      .from(sessions)
      .where(and(eq(sessions.userId, row.request.requesterId), eq(sessions.resourceId, row.resource.id)))
      .orderBy(desc(sessions.createdAt))
      .limit(5),
    // Only a pending request can be asking for more time: no read for the others.
    row.request.status === 'pending' ? getActiveGrant({ userId: row.request.requesterId, resourceId: row.resource.id }) : undefined,
  ]);
  if (!view) throw noSuchRequest();
  const isPendingLive = view.status === 'pending' && new Date(view.pendingUntil).getTime() > Date.now();
  const hasDecided = view.decisions.some((d) => d.approverId === actor.id);
  return {
    ...view,
    policy: policyView,
    canDecide: isPendingLive && isApprover && !hasDecided && (!isOwn || policy.allowSelfApproval),
    canCancel: isOwn && view.status === 'pending',
    canRevoke: Boolean(view.grant?.isActive) && (isOwn || isApprover || hasRole(actor, 'admin')),
    recentSessions: recent.map((s) => ({
      id: s.id,
      status: s.status,
      createdAt: s.createdAt.toISOString(),
      startedAt: s.startedAt?.toISOString() ?? null,
      endedAt: s.endedAt?.toISOString() ?? null,
    })),
    requesterAccessUntil: view.status === 'pending' && access && access.requestId !== row.request.id ? access.expiresAt.toISOString() : null,
  };
}
