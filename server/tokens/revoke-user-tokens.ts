import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { recordAuditEvent } from '../audit/record-audit-event';

/**
 * Revokes every live API token of a user, inside the caller's transaction: a new password
 * must also shut out whoever copied a token while the old one was known.
 */
export async function revokeUserTokens(
  { userId, actorId, reason }: { userId: string; actorId: string | null; reason: string },
  tx: Pick<Db, 'update' | 'insert'>,
): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length > 0) {
    await recordAuditEvent({ actorId, action: 'token.revoke_all', targetType: 'user', targetId: userId, data: { reason, count: revoked.length } }, tx);
  }
  return revoked.length;
}
