import { and, eq, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { replicas, type Session } from '@/db/schema';
import { env } from '../env';
import { replicaId } from './replica-id';

/** The internal URL of the live replica (not this one) relaying a session, if there is one. */
export async function findRelayingReplica(session: Pick<Session, 'replicaId'>): Promise<string | undefined> {
  if (!session.replicaId) return undefined;
  const cutoff = sql`now() - make_interval(secs => ${env().replica.timeoutMs / 1000})`;
  const [row] = await db()
    .select({ internalUrl: replicas.internalUrl })
    .from(replicas)
    .where(and(eq(replicas.id, session.replicaId), ne(replicas.id, replicaId()), sql`${replicas.lastSeenAt} >= ${cutoff}`));
  return row?.internalUrl;
}
