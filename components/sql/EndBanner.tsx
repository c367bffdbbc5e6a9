'use client';

import Link from 'next/link';
import type { SessionEnding } from '../terminal/session-ending';
import { EndingWayBack } from '../terminal/EndingWayBack';
import { OpenConsoleButton } from './OpenConsoleButton';

/** Shown once the console's session is over: why, and where to go next. */
export function EndBanner({
  ending,
  sessionId,
  resource,
  isRecorded = true,
  pagePrefix = '/sql',
}: {
  ending: SessionEnding;
  sessionId: string;
  resource: { id: string | null; name: string; canConnect: boolean };
  isRecorded?: boolean;
  /** Which console "Open a new console" opens: SQL or HTTP. */
  pagePrefix?: '/sql' | '/http';
}) {
  return (
    <div
      role={ending.tone === 'error' ? 'alert' : 'status'}
      className={`flex shrink-0 flex-wrap items-center gap-3 border-t px-4 py-2.5 text-sm ${ending.tone === 'error' ? 'border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200' : 'border-zinc-200 bg-zinc-50 text-zinc-800 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200'}`}
    >
      <div className="min-w-0">
        <p className="font-medium">{ending.title}</p>
        {ending.detail ? <p className="text-xs opacity-80">{ending.detail}</p> : null}
      </div>
      <div className="ml-auto flex items-center gap-2">
        {isRecorded ? (
          <Link href={`/recordings/${sessionId}`} className="text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            View the recording
          </Link>
        ) : (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">Not recorded</span>
        )}
        <EndingWayBack ending={ending} resource={resource} linkClass="text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300" />
        {resource.id && resource.canConnect && !ending.nextStep ? (
          <OpenConsoleButton resourceId={resource.id} label="Open a new console" variant="secondary" pagePrefix={pagePrefix} />
        ) : null}
      </div>
    </div>
  );
}
