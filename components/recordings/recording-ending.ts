import { endingFromReason, type SessionEnding } from '../terminal/session-ending';
import type { RecordingKind } from '@/lib/recording/recording-kind';
import type { SessionEndReason } from '@/lib/protocol/terminal-protocol';

type EndedRecording = { kind: RecordingKind; sessionStatus: string; endReason: SessionEndReason | null; endMessage: string | null };

/** The engineer closed the session themselves: a list need not say so on every row. */
const ORDINARY_ENDS: ReadonlySet<SessionEndReason> = new Set(['user_exit', 'disconnected']);

/**
 * How a recorded session ended, in the words its terminal or console showed; null while it runs
 * (an interrupted recording says why in its own message).
 */
export function recordingEnding(recording: EndedRecording, isOwn: boolean): SessionEnding | null {
  if (recording.sessionStatus !== 'ended' || !recording.endReason) return null;
  return endingFromReason(recording.endReason, recording.endMessage, null, { kind: recording.kind, isOwn });
}

/** For a list: only endings someone did not choose (terminated, revoked, expired, an error). */
export function notableRecordingEnding(recording: EndedRecording, isOwn: boolean): SessionEnding | null {
  return recording.endReason && ORDINARY_ENDS.has(recording.endReason) ? null : recordingEnding(recording, isOwn);
}
