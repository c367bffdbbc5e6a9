import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { db } from '@/db/client';
import { apiTokens } from '@/db/schema';
import { hasRole, type Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { sha256Hex } from '../crypto/master-key';
import { AppError } from '../errors/app-error';
import { createTokenInput, type TokenView } from './token-schemas';
import { toTokenView } from './token-view';

export const TOKEN_PREFIX = 'pht_';

const NEVER_EXPIRES_MESSAGE = 'Only admins can create a token that never expires. Choose 365 days or fewer.';

/**
 * Creates a personal API token; the secret is returned once and only its hash is kept.
 * Tokens expire (90 days unless chosen otherwise); only an admin may make one that never does.
 */
export async function createApiToken({ actor, input }: { actor: Actor; input: z.input<typeof createTokenInput> }): Promise<TokenView & { token: string }> {
  const data = createTokenInput.parse(input);
  if (data.expiresInDays === 'never' && !hasRole(actor, 'admin')) {
    throw new AppError('FORBIDDEN', { userMessage: NEVER_EXPIRES_MESSAGE, fields: { expiresInDays: [NEVER_EXPIRES_MESSAGE] } });
  }
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const expiresAt = data.expiresInDays === 'never' ? null : new Date(Date.now() + data.expiresInDays * 86_400_000);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.id, name: data.name, tokenHash: sha256Hex(token), prefix: token.slice(0, 12), expiresAt })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await recordAuditEvent({ actorId: actor.id, action: 'token.create', targetType: 'api_token', targetId: row.id }, tx);
    return { ...toTokenView(row), token };
  });
}
