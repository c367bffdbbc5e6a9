import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { apiTokens, users, type ApiToken, type User } from '@/db/schema';
import { sha256Hex } from '../crypto/master-key';
import { invalidatedCache } from '../events/invalidated-cache';
import { TOKEN_PREFIX } from './create-api-token';

type TokenRow = { token: ApiToken; user: User };

/**
 * Tokens authenticate every proxied request, so their rows are kept for a few seconds (a
 * database round trip is most of the proxy's latency budget). Revoking a token, changing a
 * password and changing a user's roles or status invalidate the copies on every replica.
 */
const tokenRows = () => invalidatedCache<TokenRow | null>('apiTokens', { scope: 'auth', ttlMs: 5_000, maxEntries: 1_000 });

/** Coarse last-used stamp: at most one write a minute per token. */
const LAST_USED_EVERY_MS = 60_000;

async function readTokenRow(tokenHash: string, generation: number): Promise<TokenRow | null> {
  const [row] = await db()
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  // Unknown tokens are kept too (as null): a client retrying a wrong token must not cost a query each time.
  tokenRows().storeIfCurrent(generation, tokenHash, row ?? null);
  return row ?? null;
}

/** The active user behind a bearer token and the token's id, or undefined for an unknown, revoked or expired one. */
export async function authenticateApiToken(token: string): Promise<{ user: User; tokenId: string } | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
  const tokenHash = sha256Hex(token);
  // Before anything is read: a row read before an invalidation is never stored after it.
  const generation = tokenRows().generation();
  const cached = tokenRows().get(tokenHash);
  const row = cached === undefined ? await readTokenRow(tokenHash, generation) : cached;
  if (!row || row.token.revokedAt || row.user.isDisabled) return undefined;
  if (row.token.expiresAt && row.token.expiresAt.getTime() <= Date.now()) return undefined;
  if (!row.token.lastUsedAt || Date.now() - row.token.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    const lastUsedAt = new Date();
    await db().update(apiTokens).set({ lastUsedAt }).where(eq(apiTokens.id, row.token.id));
    tokenRows().storeIfCurrent(generation, tokenHash, { ...row, token: { ...row.token, lastUsedAt } });
  }
  return { user: row.user, tokenId: row.token.id };
}
