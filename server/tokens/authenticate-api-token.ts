import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens, users, type User } from '@/db/schema';
import { sha256Hex } from '../crypto/master-key';
import { TOKEN_PREFIX } from './create-api-token';

/** The active user behind a bearer token, or undefined for an unknown, revoked or expired one. */
export async function authenticateApiToken(token: string): Promise<User | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const [row] = await db()
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sha256Hex(token)));
  if (!row || row.token.revokedAt || row.user.isDisabled) return undefined;
  if (row.token.expiresAt && row.token.expiresAt.getTime() <= Date.now()) return undefined;
  // Coarse last-used stamp: at most one write a minute per token.
  if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > 60_000) {
    await db().update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.token.id));
  }
  return row.user;
}
