'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { MaskMark } from '@/lib/recording/mask-marks';
import type { ReplayCommand, ReplayNote } from '@/lib/recording/replay-types';
import { formatClock } from './replay-format';
import { heatmapBars, keySeekTime, timeToX, xToTime } from './timeline-geometry';
import { TimelineMarkers } from './TimelineMarkers';

/**
 * The scrubber: activity heatmap, command ticks, note markers (ranges as bands), mask ticks
 * (where secrets were masked: rule names only), the find bar's hits and the playhead. Click or drag to seek; focused,
 * it is a slider (arrows, Page Up/Down, Home/End); the other shortcuts live on the page. The
 * markers sit beside the slider, not in it: a slider's content is presentational, so buttons
 * inside it would be unreachable for a screen reader.
 */
export function Timeline({
  duration,
  time,
  heatmap,
  commands,
  notes,
  maskMarks,
  findHits = [],
  sharedRange = null,
  onSeek,
}: {
  duration: number;
  time: number;
  heatmap: number[];
  commands: ReplayCommand[];
  notes: ReplayNote[];
  maskMarks: MaskMark[];
  /** The replay find bar's hits in the whole recording. */
  findHits?: readonly { t: number }[];
  /** A reviewer's shared range: the time outside it is shaded (it plays, but shows nothing). */
  sharedRange?: { start: number; end: number } | null;
  onSeek: (t: number) => void;
}) {
  const trackRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);

  useEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    const observer = new ResizeObserver(() => setWidth(track.clientWidth));
    observer.observe(track);
    setWidth(track.clientWidth);
    return () => observer.disconnect();
  }, []);

  const bars = useMemo(() => heatmapBars(heatmap, width), [heatmap, width]);

  const { hover, setHover, dragTime, pointerHandlers } = useTrackDrag(trackRef, duration, onSeek);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    const target = keySeekTime(event.key, time, duration);
    if (target === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    // The page's own ←/→ shortcut would seek a second step.
    event.stopPropagation();
    onSeek(target);
  };

  const shown = dragTime ?? time;
  const playheadX = timeToX(shown, duration, width);

  return (
    <div className="relative select-none">
      <div
        ref={trackRef}
        role="slider"
        aria-label="Timeline"
        aria-valuemin={0}
        aria-valuemax={Math.round(duration * 10) / 10}
        aria-valuenow={Math.round(shown * 10) / 10}
        aria-valuetext={`${formatClock(shown)} of ${formatClock(duration)}`}
        tabIndex={0}
        data-testid="timeline"
        className="relative h-14 cursor-pointer overflow-hidden rounded-md border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900"
        {...pointerHandlers}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
      >
        <TrackBackground bars={bars} notes={notes} duration={duration} width={width} />
        {sharedRange ? <OutsideShare range={sharedRange} duration={duration} width={width} /> : null}
        <div
          aria-hidden="true"
          className="pointer-events-none absolute top-0 bottom-0 w-0.5 -translate-x-1/2 bg-indigo-600 dark:bg-indigo-400"
          style={{ left: playheadX }}
        />
        {hover !== null ? (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute bottom-1 -translate-x-1/2 rounded bg-zinc-900 px-1 py-0.5 font-mono text-[10px] text-white dark:bg-zinc-100 dark:text-zinc-900"
            style={{ left: Math.min(Math.max(timeToX(hover, duration, width), 20), width - 20) }}
          >
            {formatClock(hover)}
          </div>
        ) : null}
      </div>
      <TimelineMarkers duration={duration} width={width} commands={commands} notes={notes} maskMarks={maskMarks} findHits={findHits} onSeek={onSeek} />
    </div>
  );
}

/** The activity heatmap and the bands of notes that cover a range. */
function TrackBackground({ bars, notes, duration, width }: { bars: ReturnType<typeof heatmapBars>; notes: ReplayNote[]; duration: number; width: number }) {
  return (
    <>
      <svg className="absolute inset-x-0 bottom-0 h-10 w-full" viewBox={`0 0 ${width} 40`} preserveAspectRatio="none" aria-hidden="true">
        {bars.map((bar, i) =>
          bar.level > 0 ? (
            <rect
              key={i}
              x={bar.x}
              y={40 - Math.max(2, bar.level * 38)}
              width={Math.max(1, bar.width - 0.5)}
              height={Math.max(2, bar.level * 38)}
              className="fill-indigo-300/70 dark:fill-indigo-500/40"
            />
          ) : null,
        )}
      </svg>
      {notes
        .filter((note) => note.endT !== null)
        .map((note) => (
          <div
            key={`band-${note.id}`}
            aria-hidden="true"
            className="absolute top-0 bottom-0 bg-amber-300/25 dark:bg-amber-400/15"
            style={{
              left: timeToX(note.t, duration, width),
              width: Math.max(2, timeToX(note.endT ?? note.t, duration, width) - timeToX(note.t, duration, width)),
            }}
          />
        ))}
    </>
  );
}

/** Hatched bands over the parts of the recording a reviewer was not given. */
function OutsideShare({ range, duration, width }: { range: { start: number; end: number }; duration: number; width: number }) {
  const startX = timeToX(range.start, duration, width);
  const endX = timeToX(Math.min(range.end, duration), duration, width);
  const band =
    'absolute top-0 bottom-0 bg-zinc-400/30 bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgb(113_113_122/0.35)_4px_6px)] dark:bg-zinc-950/60';
  return (
    <>
      {startX > 0 ? (
        <div aria-hidden="true" data-testid="outside-share" title="Not shared with you" className={band} style={{ left: 0, width: startX }} />
      ) : null}
      {endX < width ? (
        <div aria-hidden="true" data-testid="outside-share" title="Not shared with you" className={band} style={{ left: endX, width: width - endX }} />
      ) : null}
    </>
  );
}

/** Click or drag on the track to seek; the hover time shows under the pointer. */
function useTrackDrag(trackRef: RefObject<HTMLDivElement | null>, duration: number, onSeek: (t: number) => void) {
  const [hover, setHover] = useState<number | null>(null);
  const [dragTime, setDragTime] = useState<number | null>(null);
  const timeAt = (event: { clientX: number }) => {
    const rect = trackRef.current?.getBoundingClientRect();
    return rect ? xToTime(event.clientX - rect.left, duration, rect.width) : 0;
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDragTime(timeAt(event));
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const t = timeAt(event);
    setHover(t);
    if (dragTime !== null) setDragTime(t);
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (dragTime === null) return;
    setDragTime(null);
    onSeek(timeAt(event));
  };
  return { hover, setHover, dragTime, pointerHandlers: { onPointerDown, onPointerMove, onPointerUp } };
}
