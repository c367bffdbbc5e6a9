import Link from 'next/link';
import { SessionRecordingCell } from '@/components/sessions/SessionRecordingCell';
import { SessionState, sessionDuration, sessionEndedBecause, type SessionRow } from '@/components/sessions/session-cells';
import { RelativeTime } from '@/components/ui/RelativeTime';

type RecentSession = SessionRow & { resourceName: string; isRecorded: boolean; recordingStatus: string | null };

/**
 * The viewer's latest sessions on one resource (newest first): when, how long, how each ended
 * and its replay, with a link to all of them on the Sessions page.
 */
export function RecentSessions({ resourceId, sessions, total }: { resourceId: string; sessions: RecentSession[]; total: number }) {
  return (
    <section aria-labelledby="recent-sessions">
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h2 id="recent-sessions" className="text-sm font-semibold">
          Your recent sessions
        </h2>
        {total > sessions.length ? (
          <Link href={`/sessions?scope=mine&resourceId=${resourceId}`} className="text-xs text-indigo-600 hover:underline dark:text-indigo-400">
            All {total} on the Sessions page
          </Link>
        ) : null}
      </div>
      {sessions.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">None yet: the sessions you open here are listed with their replays.</p>
      ) : (
        <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {sessions.map((session) => (
            <li key={session.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-session-id={session.id}>
              <span className="w-24 shrink-0 text-zinc-600 dark:text-zinc-300">
                <RelativeTime iso={session.startedAt ?? session.createdAt} />
              </span>
              <span className="w-16 shrink-0 font-mono text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{sessionDuration(session)}</span>
              <SessionState session={session} isMine />
              <span
                className="order-last min-w-0 basis-full truncate text-xs text-zinc-500 sm:order-none sm:basis-0 sm:flex-1 dark:text-zinc-400"
                title={session.endMessage ?? undefined}
              >
                {sessionEndedBecause(session, true)}
              </span>
              <span className="ml-auto">
                <SessionRecordingCell session={session} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
