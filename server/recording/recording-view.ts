import { recordingKindOf } from '@/lib/recording/recording-kind';
import type { RecordingRow } from './find-recording';
import type { RecordingView, SqlSummary } from './recording-schemas';

/**
 * `sql`: the command index's figures (sql-summaries.ts) of a SQL or HTTP recording (an HTTP
 * exchange is indexed as a statement is); left out for terminal recordings.
 */
export function toRecordingView({ recording, session, user }: RecordingRow, sql?: SqlSummary): RecordingView {
  const kind = recordingKindOf(session.resourceType);
  return {
    id: recording.id,
    userId: recording.userId,
    userName: user.name,
    userEmail: user.email,
    resourceId: session.resourceId,
    resourceName: session.resourceName,
    resourceType: session.resourceType,
    kind,
    status: recording.status,
    sessionStatus: session.status,
    endReason: session.endReason,
    endMessage: session.endMessage,
    message: recording.message,
    startedAt: recording.startedAt.toISOString(),
    endedAt: recording.endedAt?.toISOString() ?? null,
    duration: recording.duration,
    cols: recording.cols,
    rows: recording.rows,
    outputBytes: recording.outputBytes,
    inputBytes: recording.inputBytes,
    storedBytes: recording.storedBytes,
    eventCount: recording.eventCount,
    chunkCount: recording.chunkCount,
    commandCount: recording.commandCount,
    maskCount: recording.maskCount,
    indexState: recording.indexState,
    sql: kind === 'sql' ? (sql ?? { statements: recording.commandCount, rows: 0, errors: 0 }) : null,
    http: kind === 'http' ? { exchanges: sql?.statements ?? recording.commandCount, errors: sql?.errors ?? 0 } : null,
    isAutomated: session.isAutomated,
    target: session.target ?? null,
  };
}
