import { expect, it } from 'vitest';
import { PACKING_MIN_BYTES, PackingChoice, STORED_RUN, type Packing } from './chunk-packing';

const LARGE = 512 * 1024;

/** Packs `ratios.length` large chunks, each compressing to its ratio when compressed. */
function packings(ratios: number[]): Packing[] {
  const choice = new PackingChoice();
  return ratios.map((ratio) => {
    const packing = choice.next(LARGE);
    choice.observe(LARGE, packing, packing === 'stored' ? LARGE + 5 : Math.round(LARGE * ratio));
    return packing;
  });
}

it('compresses text at quality 1, and output that barely compresses at quality 0', () => {
  expect(packings([0.25, 0.3, 0.25])).toEqual(['text', 'text', 'text']);
  // Hex dumps: dense, still worth compressing.
  expect(packings([0.62, 0.65, 0.3, 0.2])).toEqual(['text', 'dense', 'dense', 'text']);
});

it('stores base64 uncompressed after one chunk shows it, and looks again every STORED_RUN + 1 chunks', () => {
  const base64 = Array.from({ length: 2 * (STORED_RUN + 1) + 1 }, () => 0.76);
  const stored = Array.from({ length: STORED_RUN }, () => 'stored');
  expect(packings(base64)).toEqual(['text', ...stored, 'dense', ...stored, 'dense']);
});

it('goes back to compressing once the output is text again', () => {
  const ratios = [0.76, ...Array.from({ length: STORED_RUN }, () => 0.25), 0.25, 0.25];
  expect(packings(ratios).slice(STORED_RUN + 1)).toEqual(['dense', 'text']);
});

it('packs small chunks as text and learns nothing from them', () => {
  const choice = new PackingChoice();
  choice.observe(LARGE, 'text', LARGE * 0.76);
  expect(choice.next(PACKING_MIN_BYTES - 1)).toBe('text');
  choice.observe(PACKING_MIN_BYTES - 1, 'text', PACKING_MIN_BYTES - 1);
  expect(choice.next(LARGE)).toBe('stored');
});
