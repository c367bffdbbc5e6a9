import Link from 'next/link';
import { NotRecordedBadge } from '../resources/NotRecordedNotice';

/** A session's replay, or why there is none: its resource had recording off. */
export function SessionRecordingCell({ session }: { session: { id: string; status: string; isRecorded: boolean; resourceName: string } }) {
  if (!session.isRecorded) return <NotRecordedBadge />;
  if (session.status === 'pending') return null;
  return (
    <Link
      href={`/recordings/${session.id}`}
      className="text-sm text-indigo-600 hover:underline dark:text-indigo-400"
      aria-label={`Replay ${session.resourceName} session`}
    >
      Replay
    </Link>
  );
}
