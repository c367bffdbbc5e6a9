import { db } from '@/db/client';
import type { Resource, Session } from '@/db/schema';
import type { Actor } from '../../actor/actor';
import { insertSessionRow } from '../../sessions/insert-session-row';
import { startSession } from '../../sessions/start-session';

/**
 * The session row of a user's proxied requests to one resource: created and started at once
 * (there is no socket to wait for), automated (a script's requests, through an API token),
 * audited like any session (`session.create`, then `session.start`).
 */
export async function openProxySessionRow({ actor, resource, clientIp }: { actor: Actor; resource: Resource; clientIp?: string }): Promise<Session> {
  const created = await db().transaction((tx) => insertSessionRow(tx, { actor, resource, clientIp, isAutomated: true, audit: { proxy: true } }));
  const started = await startSession({ sessionId: created.id, userId: actor.id, clientIp, isAutomated: true });
  if (!started) throw new Error('the new proxy session could not be started');
  return started;
}
