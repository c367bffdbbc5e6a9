'use client';

import { useMemo, type ButtonHTMLAttributes } from 'react';
import type { MaskMark } from '@/lib/recording/mask-marks';
import type { ReplayCommand, ReplayNote } from '@/lib/recording/replay-types';
import { hitSeekTime } from './find-bar-state';
import { formatClock } from './replay-format';
import { clusterMarkers } from './timeline-geometry';

/**
 * The timeline's markers, as buttons beside the slider (a slider's content is presentational):
 * commands, notes, the find bar's hits and masks, each clustered where they would overlap.
 */
export function TimelineMarkers({
  duration,
  width,
  commands,
  notes,
  maskMarks,
  findHits,
  onSeek,
}: {
  duration: number;
  width: number;
  commands: ReplayCommand[];
  notes: ReplayNote[];
  maskMarks: MaskMark[];
  findHits: readonly { t: number }[];
  onSeek: (t: number) => void;
}) {
  const commandMarks = useMemo(() => clusterMarkers(commands, duration, width, 4), [commands, duration, width]);
  const noteMarks = useMemo(() => clusterMarkers(notes, duration, width, 10), [notes, duration, width]);
  const maskTicks = useMemo(() => clusterMarkers(maskMarks, duration, width, 4), [maskMarks, duration, width]);
  const findTicks = useMemo(() => clusterMarkers(findHits, duration, width, 3), [findHits, duration, width]);
  return (
    <>
      {/* Inset by the track's border, so marker x matches the track's own coordinates. */}
      <div className="pointer-events-none absolute inset-px">
        {commandMarks.map((mark) => (
          <Marker
            key={`c-${mark.t}`}
            data-testid="command-marker"
            aria-label={`Command at ${formatClock(mark.t)}: ${mark.items.map((c) => c.text).join('; ')}`}
            title={mark.items.map((c) => `${formatClock(c.t)}  ${c.text}`).join('\n')}
            className="pointer-events-auto absolute top-0 h-3 w-[3px] -translate-x-1/2 rounded-b bg-zinc-500 hover:bg-zinc-800 dark:bg-zinc-400 dark:hover:bg-zinc-100"
            x={mark.x}
            onClick={() => onSeek(mark.t)}
          />
        ))}
        {noteMarks.map((mark) => (
          <Marker
            key={`n-${mark.t}-${mark.items[0]?.id}`}
            data-testid="note-marker"
            aria-label={`Note at ${formatClock(mark.t)}`}
            title={mark.items.map((n) => `${formatClock(n.t)}  ${n.body.slice(0, 80)}`).join('\n')}
            className="pointer-events-auto absolute top-3 h-3 w-3 -translate-x-1/2 rotate-45 rounded-[2px] border border-amber-700 bg-amber-400 hover:bg-amber-300 dark:border-amber-300"
            x={mark.x}
            onClick={() => onSeek(mark.t)}
          />
        ))}
        {findTicks.map((mark) => (
          <Marker
            key={`f-${mark.t}`}
            data-testid="find-marker"
            aria-label={`${mark.items.length > 1 ? `${mark.items.length} matches` : 'Match'} at ${formatClock(mark.t)}`}
            title={`${formatClock(mark.t)}  ${mark.items.length > 1 ? `${mark.items.length} matches` : 'match'}`}
            className="pointer-events-auto absolute top-1/2 h-5 w-[3px] -translate-x-1/2 -translate-y-1/2 rounded-sm bg-amber-500 ring-1 ring-amber-900/40 hover:bg-amber-300 dark:bg-amber-400 dark:ring-black/40"
            x={mark.x}
            onClick={() => onSeek(hitSeekTime(mark))}
          />
        ))}
        {maskTicks.map((mark) => {
          const label = describeMasks(mark.items);
          return (
            <Marker
              key={`m-${mark.t}`}
              data-testid="mask-marker"
              aria-label={`Masked at ${formatClock(mark.t)}: ${label}`}
              title={`${formatClock(mark.t)}  masked: ${label}`}
              className="pointer-events-auto absolute bottom-0 h-2.5 w-[3px] -translate-x-1/2 rounded-t bg-rose-500 hover:bg-rose-700 dark:bg-rose-400 dark:hover:bg-rose-200"
              x={mark.x}
              onClick={() => onSeek(mark.t)}
            />
          );
        })}
      </div>
    </>
  );
}

/** "2 × JWT, IBAN": how many masks, by which rules. */
function describeMasks(marks: readonly MaskMark[]): string {
  const count = marks.reduce((sum, mark) => sum + mark.count, 0);
  const rules = [...new Set(marks.flatMap((mark) => mark.rules))];
  return `${count} × ${rules.join(', ')}`;
}

/** A marker button: a click seeks; pressing it does not start a drag of the track under it. */
function Marker({ x, ...props }: { x: number } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'style'> & { 'data-testid': string }) {
  return <button type="button" style={{ left: x }} onPointerDown={(event) => event.stopPropagation()} {...props} />;
}
