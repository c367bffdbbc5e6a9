import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { recordingSignatures } from '@/db/signing-schema';
import { signWithKey } from '../../crypto/signing-key';
import { manifestText } from './manifest';
import { registerSigningKey } from './register-signing-key';
import { log } from '../../log/logger';

/**
 * Signs a sealed recording's manifest (its chain head, chunk count and times, as the row now
 * holds them) once; a second call keeps the first signature. Called where recordings end:
 * the terminal and SQL recorders and start-up recovery.
 */
export async function signRecording(recordingId: string): Promise<void> {
  const [row] = await db().select().from(recordings).where(eq(recordings.id, recordingId));
  if (!row || row.status === 'recording') throw new Error(`recording ${recordingId} is not sealed`);
  const key = await registerSigningKey();
  const manifest = manifestText(row, key.keyId);
  await db()
    .insert(recordingSignatures)
    .values({ recordingId, keyId: key.keyId, manifest, signature: signWithKey(key, manifest) })
    .onConflictDoNothing();
}

/** For the seal paths: a signature that cannot be written is logged, never ends anything. */
export function signSealedRecording(recordingId: string): Promise<void> {
  return signRecording(recordingId).catch((error: unknown) => log().error({ recordingId, err: error }, 'cannot sign it'));
}
