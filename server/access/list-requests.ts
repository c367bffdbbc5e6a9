import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { accessRequests } from '@/db/access-schema';
import { resources, users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requestListQuery, type RequestView } from './access-schemas';
import { listApprovalsInbox } from './list-approvals-inbox';
import { toRequestViews } from './request-view';

/** Newest first: the actor's own requests, or (admins and auditors, scope=all) everyone's; or the actor's inbox. */
export async function listRequests({ actor, query = {} }: { actor: Actor; query?: z.input<typeof requestListQuery> }): Promise<RequestView[]> {
  const { scope, status, resourceId, limit } = requestListQuery.parse(query);
  if (scope === 'inbox') return listApprovalsInbox({ actor, limit });
  if (scope === 'all' && !canSeeAll(actor)) {
    throw new AppError('FORBIDDEN', { userMessage: 'Only admins and auditors can list everyone’s requests.' });
  }
  const filters: SQL[] = [];
  if (scope === 'mine') filters.push(eq(accessRequests.requesterId, actor.id));
  if (status) filters.push(eq(accessRequests.status, status));
  if (resourceId) filters.push(eq(accessRequests.resourceId, resourceId));
  const rows = await db()
    .select({ request: accessRequests, resource: resources, requester: users })
    .from(accessRequests)
    .innerJoin(resources, eq(resources.id, accessRequests.resourceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .where(and(...filters))
    .orderBy(desc(accessRequests.createdAt))
    .limit(limit);
  return toRequestViews(rows);
}
