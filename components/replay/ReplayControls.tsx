'use client';

import { useState, type RefObject } from 'react';
import { Button } from '../ui/Button';
import { FullscreenGlyph } from '../ui/fullscreen';
import type { PlayerState, ReplayPlayer } from './replay-player';
import { formatClock, SPEEDS } from './replay-format';

/**
 * The player's error, if any; play/pause, the clock, speed, skip idle, copy selection or a link
 * to this moment, find, full screen and help.
 */
export function ReplayControls({
  state,
  duration,
  isPlaying,
  playerRef,
  isFullscreen,
  onFullscreen,
  onFind,
  onHelp,
}: {
  state: PlayerState;
  duration: number;
  isPlaying: boolean;
  playerRef: RefObject<ReplayPlayer | null>;
  isFullscreen: boolean;
  onFullscreen: () => void;
  onFind: () => void;
  onHelp: () => void;
}) {
  const [copied, copy] = useCopy();

  const shareUrl = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('t', state.time.toFixed(1));
    return url.toString();
  };

  return (
    <>
      {state.error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => playerRef.current?.toggle()} aria-label={isPlaying ? 'Pause' : 'Play'} className="w-20" disabled={state.status === 'loading'}>
          {isPlaying ? 'Pause' : 'Play'}
        </Button>
        <span className="font-mono text-sm tabular-nums" aria-live="off" data-testid="clock">
          {formatClock(state.time)} <span className="text-zinc-400">/ {formatClock(duration)}</span>
        </span>
        {state.status === 'seeking' || state.status === 'buffering' || state.status === 'loading' ? (
          <span className="text-xs text-zinc-500">loading…</span>
        ) : null}
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <PlaybackOptions state={state} playerRef={playerRef} />
          <Button
            variant="secondary"
            onClick={() => void copy(playerRef.current?.selection() ?? '', 'Selection copied')}
            title="Pause, select text in the terminal (scroll up for history), then copy"
          >
            Copy selection
          </Button>
          <Button variant="secondary" onClick={() => void copy(shareUrl(), 'Link copied')}>
            Copy link here
          </Button>
          <Button variant="secondary" aria-label="Find in recording" title="Find in the whole recording (Ctrl+F)" onClick={onFind}>
            Find
          </Button>
          <Button variant="secondary" aria-pressed={isFullscreen} title="Full screen (f)" onClick={onFullscreen}>
            <span className="flex items-center gap-1.5">
              <FullscreenGlyph isFullscreen={isFullscreen} />
              Full screen
            </span>
          </Button>
          <Button variant="ghost" aria-label="Keyboard shortcuts" onClick={onHelp}>
            ?
          </Button>
        </div>
      </div>
      {/* Always mounted (hidden while empty), so each "copied" is announced. */}
      <p role="status" className="text-xs text-zinc-500 empty:sr-only dark:text-zinc-400">
        {copied}
      </p>
    </>
  );
}

/** What was just copied (or why it failed), for two seconds, and the function that copies. */
function useCopy(): [string | null, (text: string, what: string) => Promise<void>] {
  const [copied, setCopied] = useState<string | null>(null);
  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('Copy failed: select the text and press Ctrl+C');
    }
    setTimeout(() => setCopied(null), 2000);
  }
  return [copied, copy];
}

/** Speed and skip-idle. */
function PlaybackOptions({ state, playerRef }: { state: PlayerState; playerRef: RefObject<ReplayPlayer | null> }) {
  return (
    <>
      <label className="flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
        Speed
        <select
          aria-label="Speed"
          value={state.speed}
          onChange={(e) => playerRef.current?.setSpeed(Number(e.target.value))}
          className="rounded-md border border-zinc-300 bg-white px-1.5 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" title="Shorten pauses longer than 2 s">
        <input
          type="checkbox"
          checked={state.isSkippingIdle}
          onChange={(e) => playerRef.current?.setSkippingIdle(e.target.checked)}
          className="rounded border-zinc-300 dark:border-zinc-700"
        />
        Skip idle
      </label>
    </>
  );
}
