'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionEnding } from '../terminal/session-ending';
import { TerminateSessionButton } from './TerminateSessionButton';

export type WatchStatus = 'connecting' | 'watching' | 'closed' | 'error';

const STATUS_LOOK: Record<WatchStatus, { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-amber-500 animate-pulse' },
  watching: { label: 'Watching live', dot: 'bg-emerald-500' },
  closed: { label: 'Ended', dot: 'bg-zinc-400' },
  error: { label: 'Error', dot: 'bg-red-500' },
};

/** Above a watched session (terminal or SQL): live or ended, that it is read-only, and Terminate while live. */
export function WatchStatusBar({ status, sessionId, userName, children }: { status: WatchStatus; sessionId: string; userName: string; children?: ReactNode }) {
  const look = STATUS_LOOK[status];
  const isLive = status === 'connecting' || status === 'watching';
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-600 dark:text-zinc-300">
      <span className="flex items-center gap-1.5" aria-live="polite" data-testid="watch-status" data-status={status}>
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${look.dot}`} />
        {look.label}
      </span>
      {children}
      <span className="text-xs">Read-only: nothing you type reaches the session. {userName} sees that you are watching.</span>
      <div className="ml-auto">{isLive ? <TerminateSessionButton sessionId={sessionId} userName={userName} /> : null}</div>
    </div>
  );
}

/** Below a watched session once it ended: why, and the way to its recording. */
export function WatchEndingBanner({ ending, recordingHref }: { ending: SessionEnding | undefined; recordingHref: string }) {
  if (!ending) return null;
  return (
    <div
      role="status"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-zinc-200 bg-white px-4 py-2.5 text-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <p className="min-w-0 flex-1">
        <span className="font-medium">{ending.title}</span>
        {ending.detail ? <span className="ml-2 text-zinc-600 dark:text-zinc-400">{ending.detail}</span> : null}
      </p>
      <Link href={recordingHref} className="text-indigo-600 hover:underline dark:text-indigo-400">
        Open the recording
      </Link>
    </div>
  );
}
