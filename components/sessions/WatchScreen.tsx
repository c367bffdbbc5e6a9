'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import type { WatchState } from '../terminal/watch-view';
import { TERMINAL_THEME } from '../terminal/terminal-theme';
import { TerminateSessionButton } from './TerminateSessionButton';

const WatchTerminal = dynamic(() => import('../terminal/WatchTerminal'), {
  ssr: false,
  loading: () => <div data-testid="watch-terminal" data-status="connecting" className="h-full w-full" style={{ backgroundColor: TERMINAL_THEME.background }} />,
});

const STATUS_LOOK: Record<WatchState['status'], { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-amber-500 animate-pulse' },
  watching: { label: 'Watching live', dot: 'bg-emerald-500' },
  closed: { label: 'Ended', dot: 'bg-zinc-400' },
  error: { label: 'Error', dot: 'bg-red-500' },
};

/** An auditor's view of a live terminal: read-only, at the session's size, with Terminate at hand. */
export function WatchScreen({ sessionId, userName, recordingHref }: { sessionId: string; userName: string; recordingHref: string }) {
  const [state, setState] = useState<WatchState>({ status: 'connecting' });
  const onStateChange = useCallback((next: WatchState) => setState((prev) => ({ ...prev, ...next })), []);
  const look = STATUS_LOOK[state.status];
  const isLive = state.status === 'connecting' || state.status === 'watching';

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-zinc-600 dark:text-zinc-300">
        <span className="flex items-center gap-1.5" aria-live="polite">
          <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${look.dot}`} />
          {look.label}
        </span>
        {state.size ? (
          <span className="font-mono text-xs tabular-nums" title="The watched terminal's size">
            {state.size.cols}×{state.size.rows}
          </span>
        ) : null}
        <span className="text-xs">Read-only: nothing you type reaches the session. {userName} sees that you are watching.</span>
        <div className="ml-auto">{isLive ? <TerminateSessionButton sessionId={sessionId} userName={userName} /> : null}</div>
      </div>
      {/* Shaped like the watched terminal (a monospace cell is about 0.6 × 1.15 of the font size),
          so a phone shows a small whole screen rather than a tall, mostly empty box. */}
      <div
        className="max-h-[min(70vh,720px)] min-h-32 w-full overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
        style={state.size ? { aspectRatio: `${state.size.cols * 0.6} / ${state.size.rows * 1.15}` } : { height: 'min(70vh, 720px)' }}
      >
        <WatchTerminal sessionId={sessionId} onStateChange={onStateChange} />
      </div>
      {state.ending ? (
        <div
          role="status"
          className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-md border border-zinc-200 bg-white px-4 py-2.5 text-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          <p className="min-w-0 flex-1">
            <span className="font-medium">{state.ending.title}</span>
            {state.ending.detail ? <span className="ml-2 text-zinc-600 dark:text-zinc-400">{state.ending.detail}</span> : null}
          </p>
          <Link href={recordingHref} className="text-indigo-600 hover:underline dark:text-indigo-400">
            Open the recording
          </Link>
        </div>
      ) : null}
    </div>
  );
}
