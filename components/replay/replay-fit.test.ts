import { describe, expect, it } from 'vitest';
import { FULL_FONT_SIZE, FULLSCREEN_FONT_SIZE, MIN_FONT_SIZE, firstVisibleOutputTime, fitFontSize } from './replay-fit';

describe('fitFontSize', () => {
  it('shrinks a 176×47 terminal to the room, keeping its aspect (the tighter side wins)', () => {
    // 176 cols at 13 px are ~1373 px wide and 47 rows ~705 px high; the room is 800×560.
    const size = fitFontSize({ current: 13, screen: { width: 1373, height: 705 }, room: { width: 800, height: 560 } });
    expect(size).toBe(7.5);
    expect(1373 * (size / 13)).toBeLessThanOrEqual(800);
  });

  it('grows back to the full size when there is room, never past it', () => {
    expect(fitFontSize({ current: 7, screen: { width: 500, height: 300 }, room: { width: 2000, height: 1000 } })).toBe(FULL_FONT_SIZE);
  });

  it('full screen, grows an 80×24 terminal past the page size to the larger cap, the tighter side still winning', () => {
    // 80 cols at 13 px are ~624 px wide and 24 rows ~359 px high: a 1440×820 screen holds 2.28× that
    // (29.5 px), more than the cap; 900 px of width hold 1.44× (18.5 px).
    expect(fitFontSize({ current: 13, screen: { width: 624, height: 359 }, room: { width: 1440, height: 820 }, largest: FULLSCREEN_FONT_SIZE })).toBe(28);
    expect(fitFontSize({ current: 13, screen: { width: 624, height: 359 }, room: { width: 900, height: 820 }, largest: FULLSCREEN_FONT_SIZE })).toBe(18.5);
  });

  it('stops at a readable minimum', () => {
    expect(fitFontSize({ current: 13, screen: { width: 4000, height: 2000 }, room: { width: 300, height: 200 } })).toBe(MIN_FONT_SIZE);
  });

  it('does not grow back to a size already seen not to fit', () => {
    expect(fitFontSize({ current: 8, screen: { width: 800, height: 400 }, room: { width: 850, height: 430 }, tooBig: 8.5 })).toBe(8);
  });

  it('keeps the size while nothing is measured yet', () => {
    expect(fitFontSize({ current: 13, screen: { width: 0, height: 0 }, room: { width: 800, height: 600 } })).toBe(13);
  });
});

describe('firstVisibleOutputTime', () => {
  it('skips input, resizes and output that only moves the cursor or sets colours', () => {
    expect(
      firstVisibleOutputTime([
        [0, 'r', '176x47'],
        [0.1, 'o', '\x1b[?2004h\x1b]0;title\x07\r\n'],
        [0.2, 'i', 'x'],
        [0.4, 'o', '\x1b[01;32mme@host\x1b[00m:~$ '],
      ]),
    ).toBe(0.4);
  });

  it('is null when nothing visible was written', () => {
    expect(firstVisibleOutputTime([[0.1, 'o', '\x1b[H\x1b[2J']])).toBeNull();
  });
});
