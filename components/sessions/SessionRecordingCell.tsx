import Link from 'next/link';
import { NotRecordedBadge } from '../resources/NotRecordedNotice';

type SessionRecording = { id: string; status: string; isRecorded: boolean; recordingStatus: string | null; resourceName: string };

/** A session's replay, or why there is none: recording off, never connected, or deleted under retention. */
export function SessionRecordingCell({ session }: { session: SessionRecording }) {
  if (!session.isRecorded) return <NotRecordedBadge />;
  if (session.status === 'pending' || (session.status === 'active' && session.recordingStatus === null)) return null;
  if (session.recordingStatus === null) {
    return (
      <span
        className="text-sm text-zinc-500 dark:text-zinc-400"
        title="The session never reached its resource, or its recording was deleted under the retention policy."
      >
        No recording
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Link
        href={`/recordings/${session.id}`}
        className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
        aria-label={`Replay ${session.resourceName} session`}
      >
        Replay
      </Link>
      {session.recordingStatus === 'failed' ? (
        <span className="text-xs text-red-700 dark:text-red-300" title="Recording stopped with an error; the replay shows what was stored before it.">
          incomplete
        </span>
      ) : null}
    </span>
  );
}
