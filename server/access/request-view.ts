import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { approvals, grants, type Grant } from '@/db/access-schema';
import { users } from '@/db/schema';
import type { DecisionView, GrantView, RequestView } from './access-schemas';
import type { RequestRow } from './find-request';

type GrantNames = { resourceName: string; userName: string; userEmail: string; revokerName: string | null };

export function toGrantView(grant: Grant, names: GrantNames, now = Date.now()): GrantView {
  return {
    id: grant.id,
    requestId: grant.requestId,
    resourceId: grant.resourceId,
    resourceName: names.resourceName,
    userId: grant.userId,
    userName: names.userName,
    userEmail: names.userEmail,
    status: grant.status,
    isActive: grant.status === 'active' && grant.expiresAt.getTime() > now,
    startsAt: grant.startsAt.toISOString(),
    expiresAt: grant.expiresAt.toISOString(),
    endedAt: grant.endedAt?.toISOString() ?? null,
    revokedBy: grant.revokedBy,
    revokedByName: names.revokerName,
    revokeReason: grant.revokeReason,
  };
}

/** Views for a page of requests: their decisions and grants in two more queries. */
export async function toRequestViews(rows: RequestRow[]): Promise<RequestView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.request.id);
  const [decisionRows, grantRows] = await Promise.all([
    db()
      .select({ approval: approvals, name: users.name })
      .from(approvals)
      .innerJoin(users, eq(users.id, approvals.approverId))
      .where(inArray(approvals.requestId, ids))
      .orderBy(asc(approvals.createdAt)),
    db().select({ grant: grants, revokerName: users.name }).from(grants).leftJoin(users, eq(users.id, grants.revokedBy)).where(inArray(grants.requestId, ids)),
  ]);
  const decisions = new Map<string, DecisionView[]>();
  for (const { approval, name } of decisionRows) {
    const list = decisions.get(approval.requestId) ?? [];
    list.push({
      approverId: approval.approverId,
      approverName: name,
      decision: approval.decision,
      comment: approval.comment,
      createdAt: approval.createdAt.toISOString(),
    });
    decisions.set(approval.requestId, list);
  }
  const grantByRequest = new Map(grantRows.map((row) => [row.grant.requestId, row]));
  return rows.map(({ request, resource, requester }) => {
    const list = decisions.get(request.id) ?? [];
    const granted = grantByRequest.get(request.id);
    return {
      id: request.id,
      resource: { id: resource.id, name: resource.name, type: resource.type, isRecorded: resource.recording !== 'off' },
      requester: { id: requester.id, name: requester.name, email: requester.email },
      durationMinutes: request.durationMinutes,
      reason: request.reason,
      ticketUrl: request.ticketUrl,
      isMoreTime: request.isMoreTime,
      status: request.status,
      approvalsRequired: request.approvalsRequired,
      approvalsCount: list.filter((d) => d.decision === 'approve').length,
      decisions: list,
      createdAt: request.createdAt.toISOString(),
      pendingUntil: request.pendingUntil.toISOString(),
      decidedAt: request.decidedAt?.toISOString() ?? null,
      grant: granted
        ? toGrantView(granted.grant, { resourceName: resource.name, userName: requester.name, userEmail: requester.email, revokerName: granted.revokerName })
        : null,
    };
  });
}
