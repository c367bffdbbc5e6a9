import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingSignatures } from '@/db/signing-schema';
import type { Actor } from '../../actor/actor';
import { requireVisibleRecording } from '../find-recording';

export type RecordingSignatureState = { keyId: string; signedAt: string } | null;

/** Whether a recording the actor may see was signed at seal, and by which key (for its export menu). */
export async function getRecordingSignature({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<RecordingSignatureState> {
  await requireVisibleRecording(actor, recordingId);
  const [row] = await db()
    .select({ keyId: recordingSignatures.keyId, signedAt: recordingSignatures.signedAt })
    .from(recordingSignatures)
    .where(eq(recordingSignatures.recordingId, recordingId));
  return row ? { keyId: row.keyId, signedAt: row.signedAt.toISOString() } : null;
}
