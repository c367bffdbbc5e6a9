import type { Actor } from '../actor/actor';
import { requireVisibleRecording } from './find-recording';
import type { VerifyView } from './recording-schemas';
import { verifyChain } from './verify-recording';

export async function verifyRecording({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<VerifyView> {
  const { recording } = await requireVisibleRecording(actor, recordingId);
  return verifyChain(recording);
}
