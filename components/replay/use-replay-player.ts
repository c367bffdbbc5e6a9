import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ReplayRecording } from '@/lib/recording/replay-types';
import { hitSeekTime } from './find-bar-state';
import { ReplayPlayer, type PlayerState } from './replay-player';
import { ScreenHighlight } from './screen-highlight';

/**
 * The player in `containerRef` for one recording, and the find bar's on-screen highlight over
 * its terminal; opens at `initialTime` (just past it for a search hit's link).
 */
export function useReplayPlayer(
  containerRef: RefObject<HTMLDivElement | null>,
  { recording, initialTime, initialQuery }: { recording: ReplayRecording; initialTime: number; initialQuery: string },
) {
  const playerRef = useRef<ReplayPlayer | null>(null);
  const highlightRef = useRef<ScreenHighlight | null>(null);
  const [screenMatches, setScreenMatches] = useState(0);
  const [state, setState] = useState<PlayerState>({ status: 'loading', time: initialTime, speed: 1, isSkippingIdle: true, error: null, lastSeekMs: null });
  const { duration } = recording;

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
  }, [containerRef, recording.id, duration, recording.cols, recording.rows, initialTime, initialQuery]);

  return { playerRef, highlightRef, state, screenMatches, setScreenMatches };
}

/** A seek rewrites the screen and drops the marks: mark the find bar's query again once it is drawn (not every frame while playing). */
export function useScreenMarks({
  highlightRef,
  setScreenMatches,
  markedQuery,
  state,
  isPlaying,
}: {
  highlightRef: RefObject<ScreenHighlight | null>;
  setScreenMatches: (count: number) => void;
  markedQuery: string;
  state: PlayerState;
  isPlaying: boolean;
}): void {
  useEffect(() => {
    if (isPlaying || state.status === 'loading' || state.status === 'seeking') return;
    if (markedQuery) highlightRef.current?.show(markedQuery);
    else {
      highlightRef.current?.clear();
      setScreenMatches(0);
    }
  }, [highlightRef, setScreenMatches, markedQuery, state.lastSeekMs, state.status, isPlaying]);
}
