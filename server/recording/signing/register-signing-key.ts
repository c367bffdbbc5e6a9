import { and, isNull, ne, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { signingKeys } from '@/db/signing-schema';
import { loadSigningKey, type SigningKey } from '../../crypto/signing-key';

/**
 * Publishes the key this process signs with. A key seen for the first time is a rotation:
 * the keys before it are marked retired, and stay listed so what they signed still verifies.
 * Idempotent; cheap enough to run before every signature (tests empty the table between them).
 */
export async function registerSigningKey(key: SigningKey = loadSigningKey()): Promise<SigningKey> {
  await db().transaction(async (tx) => {
    const inserted = await tx
      .insert(signingKeys)
      .values({ keyId: key.keyId, publicKeyPem: key.publicKeyPem })
      .onConflictDoNothing()
      .returning({ keyId: signingKeys.keyId });
    if (inserted.length === 0) return;
    await tx
      .update(signingKeys)
      .set({ retiredAt: sql`now()` })
      .where(and(ne(signingKeys.keyId, key.keyId), isNull(signingKeys.retiredAt)));
  });
  return key;
}
