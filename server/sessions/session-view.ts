import type { RecordingStatus } from '@/db/recording-schema';
import type { Session, User } from '@/db/schema';
import type { SessionView } from './session-schemas';

export function toSessionView(session: Session, user: Pick<User, 'email' | 'name'>, recordingStatus: RecordingStatus | null): SessionView {
  return {
    id: session.id,
    userId: session.userId,
    userEmail: user.email,
    userName: user.name,
    resourceId: session.resourceId,
    resourceName: session.resourceName,
    resourceType: session.resourceType,
    status: session.status,
    createdAt: session.createdAt.toISOString(),
    startedAt: session.startedAt?.toISOString() ?? null,
    endedAt: session.endedAt?.toISOString() ?? null,
    bytesIn: session.bytesIn,
    bytesOut: session.bytesOut,
    endReason: session.endReason,
    endMessage: session.endMessage,
    clientIp: session.clientIp,
    isAutomated: session.isAutomated,
    isRecorded: session.isRecorded,
    recordingStatus,
    target: session.target ?? null,
  };
}
