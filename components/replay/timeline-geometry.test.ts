import { describe, expect, it } from 'vitest';
import { clusterMarkers, heatmapBars, indexAtOrBefore, keySeekTime, timeToX, xToTime } from './timeline-geometry';
import { formatClock, nextSpeed, parseTimeParam } from './replay-format';

describe('timeline renderers', () => {
  it('seeks from the keyboard like a slider: arrows 5 s, Page Up/Down 30 s, Home/End the ends, clamped', () => {
    expect(keySeekTime('ArrowRight', 10, 120)).toBe(15);
    expect(keySeekTime('ArrowLeft', 10, 120)).toBe(5);
    expect(keySeekTime('ArrowUp', 10, 120)).toBe(15);
    expect(keySeekTime('PageDown', 40, 120)).toBe(10);
    expect(keySeekTime('ArrowLeft', 3, 120)).toBe(0);
    expect(keySeekTime('PageUp', 100, 120)).toBe(120);
    expect(keySeekTime('Home', 50, 120)).toBe(0);
    expect(keySeekTime('End', 50, 120)).toBe(120);
    expect(keySeekTime('a', 50, 120)).toBeNull();
    expect(keySeekTime(' ', 50, 120)).toBeNull();
  });

  it('maps time to x and back, clamped to the track', () => {
    expect(timeToX(30, 120, 600)).toBe(150);
    expect(xToTime(150, 120, 600)).toBe(30);
    expect(timeToX(-5, 120, 600)).toBe(0);
    expect(xToTime(900, 120, 600)).toBe(120);
    expect(timeToX(5, 0, 600)).toBe(0);
  });

  it('resamples activity into bars on a log scale', () => {
    const bars = heatmapBars([0, 0, 10, 10, 1_000_000, 0], 300, 3);
    expect(bars.map((b) => b.x)).toEqual([0, 100, 200]);
    expect(bars[0]!.level).toBe(0);
    expect(bars[2]!.level).toBe(1);
    expect(bars[1]!.level).toBeGreaterThan(0.1);
    expect(heatmapBars([], 300)).toEqual([]);
  });

  it('clusters markers that would overlap', () => {
    const clusters = clusterMarkers([{ t: 10 }, { t: 10.1 }, { t: 60 }], 120, 600, 6);
    expect(clusters.map((c) => [Math.round(c.x), c.items.length])).toEqual([
      [50, 2],
      [300, 1],
    ]);
  });

  it('finds the command at or before a time', () => {
    const items = [{ t: 1 }, { t: 5 }, { t: 9 }];
    expect(indexAtOrBefore(items, 0.5)).toBe(-1);
    expect(indexAtOrBefore(items, 5)).toBe(1);
    expect(indexAtOrBefore(items, 100)).toBe(2);
  });
});

describe('replay formats', () => {
  it('formats clocks and speeds', () => {
    expect(formatClock(93.5)).toBe('1:33');
    expect(formatClock(93.54, true)).toBe('1:33.5');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(nextSpeed(1, 1)).toBe(1.5);
    expect(nextSpeed(16, 1)).toBe(16);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
  });

  it('reads ?t= deep links', () => {
    expect(parseTimeParam('93.5')).toBe(93.5);
    expect(parseTimeParam('1:33.5')).toBe(93.5);
    expect(parseTimeParam('1m33s')).toBe(93);
    expect(parseTimeParam('soon')).toBeUndefined();
    expect(parseTimeParam(null)).toBeUndefined();
  });
});
