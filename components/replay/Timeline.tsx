'use client';

import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import type { MaskMark } from '@/lib/recording/mask-marks';
import type { ReplayCommand, ReplayNote } from '@/lib/recording/replay-types';
import { hitSeekTime } from './find-bar-state';
import { formatClock } from './replay-format';
import { clusterMarkers, heatmapBars, keySeekTime, timeToX, xToTime } from './timeline-geometry';

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
  onSeek: (t: number) => void;
}) {
  const trackRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [hover, setHover] = useState<number | null>(null);
  const [dragTime, setDragTime] = useState<number | null>(null);

  useEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    const observer = new ResizeObserver(() => setWidth(track.clientWidth));
    observer.observe(track);
    setWidth(track.clientWidth);
    return () => observer.disconnect();
  }, []);

  const bars = useMemo(() => heatmapBars(heatmap, width), [heatmap, width]);
  const commandMarks = useMemo(() => clusterMarkers(commands, duration, width, 4), [commands, duration, width]);
  const noteMarks = useMemo(() => clusterMarkers(notes, duration, width, 10), [notes, duration, width]);
  const maskTicks = useMemo(() => clusterMarkers(maskMarks, duration, width, 4), [maskMarks, duration, width]);
  const findTicks = useMemo(() => clusterMarkers(findHits, duration, width, 3), [findHits, duration, width]);

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
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKeyDown}
      >
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
      {/* Inset by the track's border, so marker x matches the track's own coordinates. */}
      <div className="pointer-events-none absolute inset-px">
        {commandMarks.map((mark) => (
          <button
            key={`c-${mark.t}`}
            type="button"
            data-testid="command-marker"
            aria-label={`Command at ${formatClock(mark.t)}: ${mark.items.map((c) => c.text).join('; ')}`}
            title={mark.items.map((c) => `${formatClock(c.t)}  ${c.text}`).join('\n')}
            className="pointer-events-auto absolute top-0 h-3 w-[3px] -translate-x-1/2 rounded-b bg-zinc-500 hover:bg-zinc-800 dark:bg-zinc-400 dark:hover:bg-zinc-100"
            style={{ left: mark.x }}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => onSeek(mark.t)}
          />
        ))}
        {noteMarks.map((mark) => (
          <button
            key={`n-${mark.t}-${mark.items[0]?.id}`}
            type="button"
            data-testid="note-marker"
            aria-label={`Note at ${formatClock(mark.t)}`}
            title={mark.items.map((n) => `${formatClock(n.t)}  ${n.body.slice(0, 80)}`).join('\n')}
            className="pointer-events-auto absolute top-3 h-3 w-3 -translate-x-1/2 rotate-45 rounded-[2px] border border-amber-700 bg-amber-400 hover:bg-amber-300 dark:border-amber-300"
            style={{ left: mark.x }}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => onSeek(mark.t)}
          />
        ))}
        {findTicks.map((mark) => (
          <button
            key={`f-${mark.t}`}
            type="button"
            data-testid="find-marker"
            aria-label={`${mark.items.length > 1 ? `${mark.items.length} matches` : 'Match'} at ${formatClock(mark.t)}`}
            title={`${formatClock(mark.t)}  ${mark.items.length > 1 ? `${mark.items.length} matches` : 'match'}`}
            className="pointer-events-auto absolute top-1/2 h-5 w-[3px] -translate-x-1/2 -translate-y-1/2 rounded-sm bg-amber-500 ring-1 ring-amber-900/40 hover:bg-amber-300 dark:bg-amber-400 dark:ring-black/40"
            style={{ left: mark.x }}
            onPointerDown={(event) => event.stopPropagation()}
            onClick={() => onSeek(hitSeekTime(mark))}
          />
        ))}
        {maskTicks.map((mark) => {
          const label = describeMasks(mark.items);
          return (
            <button
              key={`m-${mark.t}`}
              type="button"
              data-testid="mask-marker"
              aria-label={`Masked at ${formatClock(mark.t)}: ${label}`}
              title={`${formatClock(mark.t)}  masked: ${label}`}
              className="pointer-events-auto absolute bottom-0 h-2.5 w-[3px] -translate-x-1/2 rounded-t bg-rose-500 hover:bg-rose-700 dark:bg-rose-400 dark:hover:bg-rose-200"
              style={{ left: mark.x }}
              onPointerDown={(event) => event.stopPropagation()}
              onClick={() => onSeek(mark.t)}
            />
          );
        })}
      </div>
    </div>
  );
}

/** "2 × JWT, IBAN": how many masks, by which rules. */
function describeMasks(marks: readonly MaskMark[]): string {
  const count = marks.reduce((sum, mark) => sum + mark.count, 0);
  const rules = [...new Set(marks.flatMap((mark) => mark.rules))];
  return `${count} × ${rules.join(', ')}`;
}
