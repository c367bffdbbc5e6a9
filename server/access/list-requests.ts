import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { accessRequests } from '@/db/access-schema';
import { resources, users } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requestListQuery, type RequestView } from './access-schemas';
import { countApprovalsInbox, listApprovalsInbox } from './list-approvals-inbox';
import { toRequestViews } from './request-view';

type ListArgs = { actor: Actor; query?: z.input<typeof requestListQuery> };

/** The requests `mine` or `all` selects, narrowed by the query; refuses `all` to those who may not see everyone's. */
function visibleRequests(actor: Actor, { scope, status, resourceId }: z.output<typeof requestListQuery>): SQL | undefined {
  if (scope === 'all' && !canSeeAll(actor)) {
    throw new AppError('FORBIDDEN', { userMessage: 'Only admins and auditors can list everyone’s requests.' });
  }
  const filters: SQL[] = [];
  if (scope === 'mine') filters.push(eq(accessRequests.requesterId, actor.id));
  if (status) filters.push(eq(accessRequests.status, status));
  if (resourceId) filters.push(eq(accessRequests.resourceId, resourceId));
  return and(...filters);
}

/** Newest first, a page at a time: the actor's own requests, or (admins and auditors, scope=all) everyone's; or the actor's inbox. */
export async function listRequests({ actor, query = {} }: ListArgs): Promise<RequestView[]> {
  const q = requestListQuery.parse(query);
  // The inbox is every pending request on one page: a client paging on finds the end at page 2.
  if (q.scope === 'inbox') return q.page === 1 ? listApprovalsInbox({ actor, limit: q.limit }) : [];
  const rows = await db()
    .select({ request: accessRequests, resource: resources, requester: users })
    .from(accessRequests)
    .innerJoin(resources, eq(resources.id, accessRequests.resourceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .where(visibleRequests(actor, q))
    // The id breaks ties, so each request is on exactly one page.
    .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
  return toRequestViews(rows);
}

/** How many requests `mine` or `all` lists across its pages (with the same filters). */
export async function countRequests({ actor, query = {} }: ListArgs): Promise<number> {
  const q = requestListQuery.parse(query);
  if (q.scope === 'inbox') return countApprovalsInbox({ actor });
  const [row] = await db().select({ n: count() }).from(accessRequests).where(visibleRequests(actor, q));
  return row?.n ?? 0;
}
