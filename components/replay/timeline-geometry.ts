/**
 * The timeline's renderers as pure functions of (data, duration, width): the React
 * component only draws what these return.
 */

export function timeToX(t: number, duration: number, width: number): number {
  if (duration <= 0) return 0;
  return (Math.min(Math.max(t, 0), duration) / duration) * width;
}

export function xToTime(x: number, duration: number, width: number): number {
  if (width <= 0) return 0;
  return (Math.min(Math.max(x, 0), width) / width) * duration;
}

export type HeatBar = { x: number; width: number; level: number };

/**
 * Activity buckets resampled to `bars` bars; levels in 0..1 on a log scale, so one
 * `cat` of a large file does not flatten every keystroke to nothing.
 */
export function heatmapBars(buckets: readonly number[], width: number, bars = Math.max(1, Math.floor(width / 3))): HeatBar[] {
  if (buckets.length === 0 || width <= 0) return [];
  const sums = new Array<number>(bars).fill(0);
  buckets.forEach((value, i) => {
    sums[Math.min(bars - 1, Math.floor((i / buckets.length) * bars))]! += value;
  });
  const max = Math.max(...sums.map((v) => Math.log1p(v)));
  const barWidth = width / bars;
  return sums.map((value, i) => ({ x: i * barWidth, width: barWidth, level: max > 0 ? Math.log1p(value) / max : 0 }));
}

export type MarkerCluster<T> = { x: number; t: number; items: T[] };

/** Markers closer than `minGap` pixels share one mark (it lists them all). */
export function clusterMarkers<T extends { t: number }>(items: readonly T[], duration: number, width: number, minGap = 6): MarkerCluster<T>[] {
  const clusters: MarkerCluster<T>[] = [];
  for (const item of [...items].sort((a, b) => a.t - b.t)) {
    const x = timeToX(item.t, duration, width);
    const last = clusters[clusters.length - 1];
    if (last && x - last.x < minGap) last.items.push(item);
    else clusters.push({ x, t: item.t, items: [item] });
  }
  return clusters;
}

/** Index of the last item at or before t (items sorted by t), or -1. */
export function indexAtOrBefore(items: readonly { t: number }[], t: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.t <= t + 1e-6) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** How far ← / → move the playhead, on the focused timeline and on the page alike. */
export const SEEK_STEP_SECONDS = 5;
const PAGE_STEP_SECONDS = 30;

/**
 * Where a key pressed on the focused timeline seeks (the slider keys of the ARIA practices:
 * arrows a step, Page Up/Down a bigger one, Home/End the ends), or null for other keys.
 */
export function keySeekTime(key: string, time: number, duration: number): number | null {
  const steps: Record<string, number> = {
    ArrowRight: SEEK_STEP_SECONDS,
    ArrowUp: SEEK_STEP_SECONDS,
    ArrowLeft: -SEEK_STEP_SECONDS,
    ArrowDown: -SEEK_STEP_SECONDS,
    PageUp: PAGE_STEP_SECONDS,
    PageDown: -PAGE_STEP_SECONDS,
  };
  if (key === 'Home') return 0;
  if (key === 'End') return Math.max(0, duration);
  const step = steps[key];
  return step === undefined ? null : Math.min(Math.max(time + step, 0), Math.max(0, duration));
}
