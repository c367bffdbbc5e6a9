import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingCommands } from '@/db/recording-schema';
import type { Actor } from '../actor/actor';
import { auditReplay } from './audit-recording-access';
import { clipToShare, shareBanner } from './clip-to-share';
import { requireReplayableRecording } from './find-recording';
import { scheduleIndexing } from './index-queue';
import type { CommandView, RecordingDetail } from './recording-schemas';
import { toRecordingView } from './recording-view';
import { recordShareView } from './share-access';
import { sqlSummaries } from './sql-summaries';
import { recordingKindOf } from '@/lib/recording/recording-kind';

export async function listCommands(recordingId: string): Promise<CommandView[]> {
  return db()
    .select({
      t: recordingCommands.t,
      text: recordingCommands.text,
      exitCode: recordingCommands.exitCode,
      duration: recordingCommands.duration,
      failureReason: recordingCommands.failureReason,
    })
    .from(recordingCommands)
    .where(eq(recordingCommands.recordingId, recordingId))
    .orderBy(asc(recordingCommands.seq));
}

/** How long opening a recording waits for its index (commands, keyframes) before going without. */
const INDEX_WAIT_MS = 3_000;

/**
 * What the replay page needs up front (everything but the events). Opening it counts as a
 * replay in the audit log, and, for a reviewer, as a view of the share. A finished recording
 * that was never indexed is indexed now; a large one opens before that finishes (the player
 * then seeks without keyframes).
 */
export async function getRecording({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<RecordingDetail> {
  let row = await requireReplayableRecording(actor, recordingId);
  if (row.recording.status !== 'recording' && row.recording.indexState === 'pending') {
    await Promise.race([scheduleIndexing(recordingId), new Promise((resolve) => setTimeout(resolve, INDEX_WAIT_MS))]);
    row = await requireReplayableRecording(actor, recordingId);
  }
  const { access } = row;
  await auditReplay(actor, recordingId, access.kind === 'share' ? { shareId: access.shareId } : {});
  if (access.kind === 'share') await recordShareView(actor, recordingId, access.shareId);
  const isIndexedByStatement = recordingKindOf(row.session.resourceType) !== 'terminal';
  const view = toRecordingView(row, isIndexedByStatement ? (await sqlSummaries([recordingId])).get(recordingId) : undefined);
  const extras = { heatmap: row.recording.heatmap ?? [], commands: await listCommands(recordingId), maskMarks: row.recording.maskMarks ?? [] };
  return { ...view, ...clipToShare(extras, row.recording.duration, access), share: shareBanner(access) };
}
