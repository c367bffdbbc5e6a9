import { and, desc, eq, isNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import type { Actor } from '../actor/actor';
import type { TokenView } from './token-schemas';
import { toTokenView } from './token-view';

/** The actor's own tokens that are not revoked, newest first. */
export async function listApiTokens({ actor }: { actor: Actor }): Promise<TokenView[]> {
  const rows = await db()
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toTokenView);
}
