import { and, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { isUuid } from '@/lib/uuid/is-uuid';
import { announceAccessChange } from '../events/access-changes';
import { invalidateCaches } from '../events/invalidated-cache';

/** Revokes one of the actor's own tokens; someone else's token is "not found". */
export async function revokeApiToken({ actor, tokenId }: { actor: Actor; tokenId: string }): Promise<void> {
  if (!isUuid(tokenId)) throw new AppError('NOT_FOUND', { userMessage: 'No such token.' });
  await db().transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such token.' });
    await recordAuditEvent({ actorId: actor.id, action: 'token.revoke', targetType: 'api_token', targetId: tokenId }, tx);
  });
  // Refused from the next request on, on every replica; the sessions it opened end.
  invalidateCaches('auth');
  await announceAccessChange({ type: 'user.sign_in_ended', userId: actor.id });
}
