'use client';

import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import type { ReplayNote, ReplayRecording } from '@/lib/recording/replay-types';
import type { NoteActions } from '../notes/NotesPanel';
import { KeyboardHelp } from './KeyboardHelp';
import { ReplayControls } from './ReplayControls';
import { ReplayFindBar } from './ReplayFindBar';
import type { ReplayPlayer } from './replay-player';
import { ReplaySidebar } from './ReplaySidebar';
import { Timeline } from './Timeline';
import { indexAtOrBefore } from './timeline-geometry';
import { useReplayFind } from './use-replay-find';
import { useFitTerminal, useFullscreenToggle, useReplayKeys } from './use-replay-view-effects';
import { useReplayPlayer, useScreenMarks } from './use-replay-player';

type ReplayViewProps = {
  recording: ReplayRecording;
  initialNotes: ReplayNote[];
  initialTime: number;
  /** `?q=`: a search hit's link; the find bar opens with it and its matches are marked on screen. */
  initialQuery?: string;
  noteActions: NoteActions;
  /** `?view=notes`: open on the Notes tab (a note's search hit). */
  showNotes?: boolean;
};

/**
 * The replay screen: player, controls, timeline, and the Commands / Notes tabs. Client-only
 * (xterm needs the DOM): ReplayScreen loads it with next/dynamic.
 */
export default function ReplayView({ recording, initialNotes, initialTime, initialQuery = '', noteActions, showNotes = false }: ReplayViewProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const regionRef = useRef<HTMLDivElement>(null);
  const { playerRef, highlightRef, state, screenMatches, setScreenMatches } = useReplayPlayer(containerRef, { recording, initialTime, initialQuery });
  const [notes, setNotes] = useState(initialNotes);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const { commands, duration } = recording;

  useFitTerminal({ columnRef, regionRef, containerRef, playerRef }, recording.id);

  const seek = useCallback((t: number) => void playerRef.current?.seek(t), [playerRef]);
  const find = useReplayFind({ recordingId: recording.id, initialQuery, initialTime, seek });
  const { open: openFind } = find;
  const isPlaying = state.status === 'playing' || state.status === 'buffering';
  const markedQuery = find.isOpen ? find.query.trim() : '';

  useScreenMarks({ highlightRef, setScreenMatches, markedQuery, state, isPlaying });
  const currentCommand = useMemo(() => indexAtOrBefore(commands, state.time), [commands, state.time]);

  // The player's column (screen, controls, timeline) goes full screen; the notes stay on the page.
  const { isFullscreen, toggle: toggleFull } = useFullscreenToggle(columnRef);
  useReplayKeys({ rootRef, playerRef, commands, openFind, setHelpOpen, toggleFullscreen: toggleFull });

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
      <div
        ref={columnRef}
        className="flex min-w-0 flex-1 flex-col gap-2 [&:fullscreen]:overflow-auto [&:fullscreen]:bg-white [&:fullscreen]:p-4 dark:[&:fullscreen]:bg-zinc-950"
      >
        <TerminalRegion
          find={find}
          playerRef={playerRef}
          regionRef={regionRef}
          containerRef={containerRef}
          onFindClosed={() => rootRef.current?.querySelector<HTMLElement>('[data-testid="timeline"]')?.focus()}
        />
        <ReplayControls
          state={state}
          duration={duration}
          isPlaying={isPlaying}
          playerRef={playerRef}
          isFullscreen={isFullscreen}
          onFullscreen={toggleFull}
          onFind={openFind}
          onHelp={() => setHelpOpen(true)}
        />
        <Timeline
          duration={duration}
          time={state.time}
          heatmap={recording.heatmap}
          commands={commands}
          notes={notes}
          maskMarks={recording.maskMarks}
          findHits={find.hits}
          sharedRange={recording.share ? { start: recording.share.rangeStart ?? 0, end: recording.share.rangeEnd ?? duration } : null}
          onSeek={seek}
        />
      </div>
      <ReplaySidebar
        recording={recording}
        currentCommand={currentCommand}
        notes={notes}
        currentTime={state.time}
        noteActions={noteActions}
        onNotesChange={setNotes}
        onSeek={seek}
        showNotes={showNotes}
      />
      <KeyboardHelp isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

/** The recorded terminal, under the find bar while it is open. */
function TerminalRegion({
  find,
  playerRef,
  regionRef,
  containerRef,
  onFindClosed,
}: {
  find: ReturnType<typeof useReplayFind>;
  playerRef: RefObject<ReplayPlayer | null>;
  regionRef: RefObject<HTMLDivElement | null>;
  containerRef: RefObject<HTMLDivElement | null>;
  onFindClosed: () => void;
}) {
  return (
    <div className="relative">
      {find.isOpen ? <ReplayFindBar find={find} time={() => playerRef.current?.current.time ?? 0} onClosed={onFindClosed} /> : null}
      <div ref={regionRef} className="overflow-auto rounded-lg border border-zinc-800 bg-[#0b0d12] p-2" aria-label="Recorded terminal" role="region">
        <div ref={containerRef} data-testid="replay-terminal" className="inline-block" />
      </div>
    </div>
  );
}
