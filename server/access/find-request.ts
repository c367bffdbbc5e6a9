import { eq, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { accessRequests, type AccessRequest } from '@/db/access-schema';
import { resources, users, type Resource, type User } from '@/db/schema';
import { AppError } from '../errors/app-error';
import { isUuid } from '@/lib/uuid/is-uuid';

export type { Tx };

export type RequestRow = { request: AccessRequest; resource: Resource; requester: User };
export type LockedRequestRow = RequestRow & { isPendingLive: boolean };

export const noSuchRequest = () => new AppError('NOT_FOUND', { userMessage: 'No such access request.' });

export async function findRequest(id: string, tx: Pick<Db, 'select'> = db()): Promise<RequestRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await tx
    .select({ request: accessRequests, resource: resources, requester: users })
    .from(accessRequests)
    .innerJoin(resources, eq(resources.id, accessRequests.resourceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .where(eq(accessRequests.id, id));
  return row;
}

/**
 * The request row locked until the transaction ends (SELECT … FOR UPDATE): concurrent
 * decisions on one request run one after another on PostgreSQL, each seeing the last one's
 * result. PGlite has a single connection, so its transactions are serial anyway.
 */
export async function lockRequest(tx: Tx, id: string): Promise<LockedRequestRow> {
  if (!isUuid(id)) throw noSuchRequest();
  const [row] = await tx
    .select({
      request: accessRequests,
      resource: resources,
      requester: users,
      // The database clock decides whether a pending request has lapsed.
      isPendingLive: sql<boolean>`${accessRequests.pendingUntil} > now()`,
    })
    .from(accessRequests)
    .innerJoin(resources, eq(resources.id, accessRequests.resourceId))
    .innerJoin(users, eq(users.id, accessRequests.requesterId))
    .where(eq(accessRequests.id, id))
    .for('update', { of: accessRequests });
  if (!row) throw noSuchRequest();
  return row;
}

export function person(user: Pick<User, 'id' | 'name' | 'email'>) {
  return { id: user.id, name: user.name, email: user.email };
}

/** The webhook subject for a request row. */
export function subjectOf(
  row: RequestRow,
  actor: Pick<User, 'id' | 'name' | 'email'> | null,
  extra: { comment?: string; grant?: { id: string; expiresAt: Date } | null } = {},
) {
  const { request, resource, requester } = row;
  return {
    request: { id: request.id, status: request.status, durationMinutes: request.durationMinutes, reason: request.reason, ticketUrl: request.ticketUrl },
    resource: { id: resource.id, name: resource.name },
    requester: person(requester),
    actor: actor ? person(actor) : null,
    ...(extra.comment ? { comment: extra.comment } : {}),
    ...(extra.grant ? { grant: { id: extra.grant.id, expiresAt: extra.grant.expiresAt.toISOString() } } : {}),
  };
}
