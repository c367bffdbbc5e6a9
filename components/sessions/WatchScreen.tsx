'use client';

import dynamic from 'next/dynamic';
import { useCallback, useState } from 'react';
import type { WatchState } from '../terminal/watch-view';
import { TERMINAL_THEME } from '../terminal/terminal-theme';
import { WatchEndingBanner, WatchStatusBar } from './WatchParts';

const WatchTerminal = dynamic(() => import('../terminal/WatchTerminal'), {
  ssr: false,
  loading: () => <div data-testid="watch-terminal" data-status="connecting" className="h-full w-full" style={{ backgroundColor: TERMINAL_THEME.background }} />,
});

/** An auditor's view of a live terminal: read-only, at the session's size, with Terminate at hand. */
export function WatchScreen({ sessionId, userName, recordingHref }: { sessionId: string; userName: string; recordingHref: string }) {
  const [state, setState] = useState<WatchState>({ status: 'connecting' });
  const onStateChange = useCallback((next: WatchState) => setState((prev) => ({ ...prev, ...next })), []);

  return (
    <div className="flex flex-col gap-3">
      <WatchStatusBar status={state.status} sessionId={sessionId} userName={userName}>
        {state.size ? (
          <span className="font-mono text-xs tabular-nums" title="The watched terminal's size">
            {state.size.cols}×{state.size.rows}
          </span>
        ) : null}
      </WatchStatusBar>
      {/* Shaped like the watched terminal (a monospace cell is about 0.6 × 1.15 of the font size),
          so a phone shows a small whole screen rather than a tall, mostly empty box. */}
      <div
        className="max-h-[min(70vh,720px)] min-h-32 w-full overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
        style={state.size ? { aspectRatio: `${state.size.cols * 0.6} / ${state.size.rows * 1.15}` } : { height: 'min(70vh, 720px)' }}
      >
        <WatchTerminal sessionId={sessionId} onStateChange={onStateChange} />
      </div>
      <WatchEndingBanner ending={state.ending} recordingHref={recordingHref} />
    </div>
  );
}
