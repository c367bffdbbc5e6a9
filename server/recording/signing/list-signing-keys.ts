import { asc } from 'drizzle-orm';
import { db } from '@/db/client';
import { signingKeys } from '@/db/signing-schema';
import { loadSigningKey } from '../../crypto/signing-key';
import type { SigningKeysView } from './signing-schemas';
import { registerSigningKey } from './register-signing-key';

/** The public keys recordings are signed with: the current one and every older one. Public. */
export async function listSigningKeys(): Promise<SigningKeysView> {
  const current = loadSigningKey();
  const read = () => db().select().from(signingKeys).orderBy(asc(signingKeys.createdAt), asc(signingKeys.keyId));
  let rows = await read();
  // Anyone may ask: write only when this server's key is not published yet (a fresh install).
  if (!rows.some((row) => row.keyId === current.keyId)) {
    await registerSigningKey(current);
    rows = await read();
  }
  return {
    current: current.keyId,
    keys: rows.map((row) => ({
      keyId: row.keyId,
      algorithm: 'Ed25519' as const,
      publicKeyPem: row.publicKeyPem,
      createdAt: row.createdAt.toISOString(),
      retiredAt: row.retiredAt?.toISOString() ?? null,
    })),
  };
}
