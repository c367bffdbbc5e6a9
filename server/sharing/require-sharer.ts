import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireReplayableRecording, type ReplayableRecording } from '../recording/find-recording';

/**
 * Sharing (and seeing or revoking shares) is for the owner, auditors and admins. A reviewer
 * sees the recording, so is told no (403); anyone else is told it does not exist (404).
 */
export async function requireSharer(actor: Actor, recordingId: string): Promise<ReplayableRecording> {
  const row = await requireReplayableRecording(actor, recordingId);
  if (row.access.kind === 'share') throw new AppError('FORBIDDEN', { userMessage: 'Only the owner, auditors and admins can share this recording.' });
  return row;
}
