'use client';

import { WatchEndingBanner, WatchStatusBar } from '../../sessions/WatchParts';
import { SqlWatchEntries } from './SqlWatchEntries';
import { useSqlWatch } from './use-sql-watch';

/** An auditor's view of a live SQL console: its statements and their outcomes as they happen, read-only, with Terminate at hand. */
export function SqlWatchScreen({ sessionId, userName, recordingHref }: { sessionId: string; userName: string; recordingHref: string }) {
  const { status, entries, isTrimmed, ending } = useSqlWatch(sessionId);
  const isLive = status === 'connecting' || status === 'watching';
  return (
    <div className="flex flex-col gap-3" data-testid="watch-sql" data-status={status}>
      <WatchStatusBar status={status} sessionId={sessionId} userName={userName} />
      {isTrimmed ? <p className="text-xs text-zinc-600 dark:text-zinc-400">Earlier statements are left out here; the recording has them all.</p> : null}
      {status === 'connecting' ? null : <SqlWatchEntries entries={entries} isLive={isLive} />}
      <WatchEndingBanner ending={ending} recordingHref={recordingHref} />
    </div>
  );
}
