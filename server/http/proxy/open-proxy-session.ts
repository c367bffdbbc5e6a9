import { db } from '@/db/client';
import { sessions, type Resource, type Session } from '@/db/schema';
import type { Actor } from '../../actor/actor';
import { recordAuditEvent } from '../../audit/record-audit-event';
import { startSession } from '../../sessions/start-session';

/**
 * The session row of a user's proxied requests to one resource: created and started at once
 * (there is no socket to wait for), automated (a script's requests, through an API token),
 * audited like any session (`session.create`, then `session.start`).
 */
export async function openProxySessionRow({ actor, resource, clientIp }: { actor: Actor; resource: Resource; clientIp?: string }): Promise<Session> {
  const created = await db().transaction(async (tx) => {
    const [row] = await tx
      .insert(sessions)
      .values({
        userId: actor.id,
        resourceId: resource.id,
        resourceName: resource.name,
        resourceType: resource.type,
        clientIp,
        isAutomated: true,
        isRecorded: resource.recording !== 'off',
        openedWithTokenId: actor.tokenId ?? null,
        signInEndsAt: actor.signInEndsAt ?? null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvent(
      {
        actorId: actor.id,
        action: 'session.create',
        targetType: 'session',
        targetId: row.id,
        data: { resourceId: resource.id, resourceName: resource.name, via: actor.via, proxy: true },
      },
      tx,
    );
    return row;
  });
  const started = await startSession({ sessionId: created.id, userId: actor.id, clientIp, isAutomated: true });
  if (!started) throw new Error('the new proxy session could not be started');
  return started;
}
