import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireVisibleRecording } from '../recording/find-recording';
import { purgeRecording } from './purge-recording';
import { getRetentionSettings } from '../retention-policy/retention-settings';

/** An owner deletes their own recording, when the installation allows it and no legal hold covers it. Audited. */
export async function deleteOwnRecording({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<void> {
  const { recording } = await requireVisibleRecording(actor, recordingId);
  if (recording.userId !== actor.id) throw new AppError('FORBIDDEN', { userMessage: 'Only the owner can delete a recording.' });
  if (!(await getRetentionSettings()).ownersMayDelete)
    throw new AppError('FORBIDDEN', { userMessage: 'Deleting recordings is turned off on this installation.' });
  if (recording.status === 'recording') throw new AppError('CONFLICT', { userMessage: 'The session is still being recorded.' });
  if (!(await purgeRecording(recordingId, 'deleted', actor.id)))
    throw new AppError('CONFLICT', { userMessage: 'This recording is under a legal hold and cannot be deleted.' });
}
