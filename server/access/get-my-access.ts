import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { accessRequests } from '@/db/access-schema';
import { resources, users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireResource } from '../resources/find-resource';
import type { PolicyView, RequestView } from './access-schemas';
import { canConnect } from './can-connect';
import { isInExtensionWindow, minutesLeft } from './extension-window';
import { toPolicyView } from './get-policy';
import { getEffectivePolicy } from './policy';
import { toRequestViews } from './request-view';

export type MyAccess = {
  /** Whether the actor may connect right now, and until when if through a grant. */
  canConnect: boolean;
  via: 'open' | 'grant' | null;
  grantExpiresAt: string | null;
  /**
   * The grant is in its last 30 minutes, nothing is pending and the policy allows longer than is
   * left: the card offers to ask for more time, for longer than `grantMinutesLeft`.
   */
  mayAskForMore: boolean;
  grantMinutesLeft: number | null;
  /** The request behind the active grant, or the pending one. */
  current: RequestView | null;
  /** The most recent closed request (denied, expired…), to explain what happened. */
  last: RequestView | null;
  policy: PolicyView | null;
};

/** The resource page's "Your access" card: connect, pending, or request. */
export async function getMyAccess({ actor, resourceId }: { actor: Actor; resourceId: string }): Promise<MyAccess> {
  const resource = await requireResource(resourceId);
  const decision = await canConnect(actor, resource);
  if (resource.accessMode === 'open') {
    return {
      canConnect: decision.isAllowed,
      via: decision.isAllowed ? 'open' : null,
      grantExpiresAt: null,
      mayAskForMore: false,
      grantMinutesLeft: null,
      current: null,
      last: null,
      policy: null,
    };
  }
  const rows = await db()
    .select({ request: accessRequests, resource: resources, requester: users })
    .from(accessRequests)
    .innerJoin(resources, eq(resources.id, accessRequests.resourceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .where(and(eq(accessRequests.requesterId, actor.id), eq(accessRequests.resourceId, resource.id)))
    .orderBy(desc(accessRequests.createdAt))
    .limit(5);
  const views = await toRequestViews(rows);
  const current = views.find((v) => v.status === 'pending' || (v.status === 'approved' && v.grant?.isActive)) ?? null;
  const grantExpiresAt = decision.isAllowed && decision.via === 'grant' ? decision.grant.expiresAt : null;
  const grantMinutesLeft = grantExpiresAt ? minutesLeft(grantExpiresAt) : null;
  const policy = await getEffectivePolicy(resource.id);
  const last = current ? null : (views.find((v) => ['denied', 'expired', 'revoked', 'cancelled', 'approved'].includes(v.status)) ?? null);
  return {
    canConnect: decision.isAllowed,
    via: decision.isAllowed ? decision.via : null,
    grantExpiresAt: grantExpiresAt?.toISOString() ?? null,
    mayAskForMore:
      grantExpiresAt !== null && isInExtensionWindow(grantExpiresAt) && current?.status !== 'pending' && policy.maxDurationMinutes > (grantMinutesLeft ?? 0),
    grantMinutesLeft,
    current,
    last,
    policy: await toPolicyView(policy),
  };
}
