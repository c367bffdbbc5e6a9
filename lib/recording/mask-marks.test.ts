import { describe, expect, it } from 'vitest';
import { addMaskMark, MAX_MASK_MARKS, type MaskMark } from './mask-marks';

describe('mask marks', () => {
  it('joins masks close together and starts a new mark after a pause', () => {
    const marks: MaskMark[] = [];
    addMaskMark(marks, 1, ['JWT']);
    addMaskMark(marks, 1.5, ['JWT', 'GitHub token (classic)']);
    addMaskMark(marks, 4, ['IBAN']);
    expect(marks).toEqual([
      { t: 1, count: 3, rules: ['JWT', 'GitHub token (classic)'] },
      { t: 4, count: 1, rules: ['IBAN'] },
    ]);
  });

  it('keeps at most MAX_MASK_MARKS marks, counting the rest in the last', () => {
    const marks: MaskMark[] = [];
    for (let i = 0; i < MAX_MASK_MARKS + 10; i++) addMaskMark(marks, i * 2, ['JWT']);
    expect(marks).toHaveLength(MAX_MASK_MARKS);
    expect(marks.reduce((sum, mark) => sum + mark.count, 0)).toBe(MAX_MASK_MARKS + 10);
  });
});
