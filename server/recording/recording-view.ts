import type { RecordingRow } from './find-recording';
import type { RecordingView } from './recording-schemas';

export function toRecordingView({ recording, session, user }: RecordingRow): RecordingView {
  return {
    id: recording.id,
    userId: recording.userId,
    userName: user.name,
    userEmail: user.email,
    resourceId: session.resourceId,
    resourceName: session.resourceName,
    resourceType: session.resourceType,
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
  };
}
