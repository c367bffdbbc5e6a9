import { and, eq, gt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { grants } from '@/db/access-schema';
import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { revokeGrant } from './revoke-grant';

/**
 * Revokes every grant a user holds right now (their account was disabled), one by one through
 * revokeGrant, so each gets its audit event, webhook and live update. Returns the ids revoked.
 */
export async function revokeUserGrants({ actor, userId, reason }: { actor: Actor; userId: string; reason: string }): Promise<string[]> {
  const active = await db()
    .select({ id: grants.id })
    .from(grants)
    .where(and(eq(grants.userId, userId), eq(grants.status, 'active'), gt(grants.expiresAt, sql`now()`)));
  const revoked: string[] = [];
  for (const { id } of active) {
    try {
      await revokeGrant({ actor, grantId: id, input: { reason } });
      revoked.push(id);
    } catch (error) {
      // Ended on its own (or by someone else) since the list was read: nothing left to revoke.
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  return revoked;
}
