'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReplayNote, ReplayRecording } from '@/lib/recording/replay-types';
import { NotesPanel, type NoteActions } from '../notes/NotesPanel';
import { Button } from '../ui/Button';
import { CommandList } from './CommandList';
import { hitSeekTime } from './find-bar-state';
import { KeyboardHelp } from './KeyboardHelp';
import { ReplayPlayer, type PlayerState } from './replay-player';
import { formatClock, nextSpeed, SPEEDS } from './replay-format';
import { ReplayFindBar } from './ReplayFindBar';
import { ScreenHighlight } from './screen-highlight';
import { Timeline } from './Timeline';
import { indexAtOrBefore, SEEK_STEP_SECONDS } from './timeline-geometry';
import { useReplayFind } from './use-replay-find';

/** The terminal never gets shorter than this (a phone in landscape): the page scrolls instead. */
const MIN_TERMINAL_HEIGHT = 160;
/** Space kept under the timeline, so it does not touch the window's edge. */
const BOTTOM_MARGIN = 16;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The replay screen: player, controls, timeline, and the Commands / Notes tabs. Client-only
 * (xterm needs the DOM): ReplayScreen loads it with next/dynamic.
 */
export default function ReplayView({
  recording,
  initialNotes,
  initialTime,
  initialQuery = '',
  noteActions,
}: {
  recording: ReplayRecording;
  initialNotes: ReplayNote[];
  initialTime: number;
  /** `?q=`: a search hit's link; the find bar opens with it and its matches are marked on screen. */
  initialQuery?: string;
  noteActions: NoteActions;
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  const highlightRef = useRef<ScreenHighlight | null>(null);
  const [screenMatches, setScreenMatches] = useState(0);
  const containerRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<ReplayPlayer | null>(null);
  const [state, setState] = useState<PlayerState>({ status: 'loading', time: initialTime, speed: 1, isSkippingIdle: true, error: null, lastSeekMs: null });
  const [notes, setNotes] = useState(initialNotes);
  const [tab, setTab] = useState<'commands' | 'notes'>('commands');
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const { commands, duration } = recording;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const player = new ReplayPlayer(container, { recordingId: recording.id, duration, cols: recording.cols, rows: recording.rows, onChange: setState });
    playerRef.current = player;
    const highlight = new ScreenHighlight(player.terminal);
    highlightRef.current = highlight;
    const matches = highlight.onMatches(setScreenMatches);
    // A hit's link rounds its moment down: open just past it, so its line is drawn.
    const start = initialQuery.trim() ? hitSeekTime({ t: initialTime }) : initialTime;
    void (start > 0 ? player.seek(start) : player.showStart());
    return () => {
      matches.dispose();
      highlight.dispose();
      highlightRef.current = null;
      player.dispose();
      playerRef.current = null;
    };
  }, [recording.id, duration, recording.cols, recording.rows, initialTime, initialQuery]);

  // The terminal is scaled to the room left above the controls, so Play is never below the fold.
  useEffect(() => {
    const column = columnRef.current;
    const region = regionRef.current;
    if (!column || !region) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const style = getComputedStyle(region);
        // clientWidth/Height hold the padding but not the border.
        const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        const frameY = region.offsetHeight - region.clientHeight + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
        const box = region.getBoundingClientRect();
        // The controls and timeline under the terminal (not the column's height: beside a tall panel it stretches).
        const below = (column.lastElementChild?.getBoundingClientRect().bottom ?? box.bottom) - box.bottom;
        const top = box.top + window.scrollY;
        const height = Math.max(MIN_TERMINAL_HEIGHT, window.innerHeight - top - below - BOTTOM_MARGIN - frameY);
        playerRef.current?.fitTo({ width: region.clientWidth - padX, height });
      });
    };
    const observer = new ResizeObserver(fit);
    observer.observe(column);
    observer.observe(region);
    if (containerRef.current) observer.observe(containerRef.current);
    window.addEventListener('resize', fit);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [recording.id]);

  const seek = useCallback((t: number) => void playerRef.current?.seek(t), []);
  const find = useReplayFind({ recordingId: recording.id, initialQuery, initialTime, seek });
  const { open: openFind } = find;
  const isPlaying = state.status === 'playing' || state.status === 'buffering';
  const markedQuery = find.isOpen ? find.query.trim() : '';

  // A seek rewrites the screen and drops the marks: mark again once it is drawn (not every frame while playing).
  useEffect(() => {
    if (isPlaying || state.status === 'loading' || state.status === 'seeking') return;
    if (markedQuery) highlightRef.current?.show(markedQuery);
    else {
      highlightRef.current?.clear();
      setScreenMatches(0);
    }
  }, [markedQuery, state.lastSeekMs, state.status, isPlaying]);
  const currentCommand = useMemo(() => indexAtOrBefore(commands, state.time), [commands, state.time]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Ctrl+F / Cmd+F on the replay (or with nothing focused) finds in the whole recording, not the page.
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        const target = event.target instanceof Node ? event.target : null;
        if (target === document.body || (target && rootRef.current?.contains(target))) {
          event.preventDefault();
          openFind();
        }
        return;
      }
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      // Space on a focused button or link activates it, as everywhere else.
      if (event.key === ' ' && event.target instanceof HTMLElement && event.target.closest('button, a, summary')) return;
      const player = playerRef.current;
      if (!player) return;
      const time = player.current.time;
      let isHandled = true;
      switch (event.key) {
        case ' ':
        case 'k':
          player.toggle();
          break;
        case 'ArrowLeft':
          void player.seek(time - SEEK_STEP_SECONDS);
          break;
        case 'ArrowRight':
          void player.seek(time + SEEK_STEP_SECONDS);
          break;
        case '[': {
          const index = indexAtOrBefore(commands, time - 0.5);
          void player.seek(index >= 0 ? commands[index]!.t : 0);
          break;
        }
        case ']': {
          const next = commands.find((command) => command.t > time + 0.05);
          if (next) void player.seek(next.t);
          break;
        }
        case '<':
        case ',':
          player.setSpeed(nextSpeed(player.current.speed, -1));
          break;
        case '>':
        case '.':
          player.setSpeed(nextSpeed(player.current.speed, 1));
          break;
        case 'i':
          player.setSkippingIdle(!player.current.isSkippingIdle);
          break;
        case '?':
          setHelpOpen((open) => !open);
          break;
        case 'Escape':
          setHelpOpen(false);
          break;
        default:
          isHandled = false;
      }
      if (isHandled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, openFind]);

  async function copy(text: string, what: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied('Copy failed: select the text and press Ctrl+C');
    }
    setTimeout(() => setCopied(null), 2000);
  }

  const shareUrl = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('t', state.time.toFixed(1));
    return url.toString();
  };

  return (
    <div
      ref={rootRef}
      className="flex min-h-0 flex-col gap-3 lg:flex-row"
      data-testid="replay"
      data-screen-matches={screenMatches}
      data-status={state.status}
      data-time={state.time.toFixed(2)}
      data-speed={state.speed}
      data-seek-ms={state.lastSeekMs?.toFixed(1) ?? ''}
    >
      <div ref={columnRef} className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="relative">
          {find.isOpen ? (
            <ReplayFindBar
              find={find}
              time={() => playerRef.current?.current.time ?? 0}
              onClosed={() => rootRef.current?.querySelector<HTMLElement>('[data-testid="timeline"]')?.focus()}
            />
          ) : null}
          <div ref={regionRef} className="overflow-auto rounded-lg border border-zinc-800 bg-[#0b0d12] p-2" aria-label="Recorded terminal" role="region">
            <div ref={containerRef} data-testid="replay-terminal" className="inline-block" />
          </div>
        </div>
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
            <Button variant="secondary" aria-label="Find in recording" title="Find in the whole recording (Ctrl+F)" onClick={openFind}>
              Find
            </Button>
            <Button variant="ghost" aria-label="Keyboard shortcuts" onClick={() => setHelpOpen(true)}>
              ?
            </Button>
          </div>
        </div>
        {/* Always mounted (hidden while empty), so each "copied" is announced. */}
        <p role="status" className="text-xs text-zinc-500 empty:sr-only dark:text-zinc-400">
          {copied}
        </p>
        <Timeline
          duration={duration}
          time={state.time}
          heatmap={recording.heatmap}
          commands={commands}
          notes={notes}
          maskMarks={recording.maskMarks}
          findHits={find.hits}
          onSeek={seek}
        />
      </div>
      <aside className="flex w-full shrink-0 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white lg:w-80 dark:border-zinc-800 dark:bg-zinc-900">
        <div role="tablist" aria-label="Commands and notes" className="flex border-b border-zinc-200 dark:border-zinc-800">
          {(['commands', 'notes'] as const).map((name) => (
            <button
              key={name}
              role="tab"
              type="button"
              aria-selected={tab === name}
              onClick={() => setTab(name)}
              className={`flex-1 px-3 py-2 text-sm font-medium capitalize ${tab === name ? 'border-b-2 border-indigo-600 text-zinc-900 dark:text-zinc-100' : 'text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200'}`}
            >
              {name} <span className="text-xs text-zinc-400">{name === 'commands' ? commands.length : notes.length}</span>
            </button>
          ))}
        </div>
        <div role="tabpanel" aria-label={tab === 'commands' ? 'Commands' : 'Notes'} className="max-h-[60vh] min-h-48 overflow-y-auto">
          {tab === 'commands' ? (
            <CommandList commands={commands} current={currentCommand} indexState={recording.indexState} onSeek={seek} recordingId={recording.id} />
          ) : (
            <NotesPanel notes={notes} currentTime={state.time} actions={noteActions} onNotesChange={setNotes} onSeek={seek} />
          )}
        </div>
      </aside>
      <KeyboardHelp isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}
