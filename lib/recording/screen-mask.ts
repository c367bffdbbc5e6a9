import { z } from 'zod';

/**
 * Masks of secrets that only formed on the rendered screen (a cursor move wrote the tail first
 * and the head after, a carriage return overwrote the start of a line): the byte stream never
 * held them whole, so the streaming masker could not see them. The indexer finds them on its
 * headless terminal and records where to paint over them: a position in the recorded output
 * stream and screen cells, never the text.
 *
 * A mask applies right after byte `offset` of output event `index` of chunk `seq`: replay,
 * exports and the indexer's own terminal (keyframes, command index) write `paintSequence` there,
 * so every reader of the recording sees the same screen. `row` is the viewport row (0 = top of
 * the visible screen of the active buffer) at that point; columns are 0-based, `endCol`
 * exclusive.
 */
export const SCREEN_MASKS_VERSION = 1;

export const screenMaskCell = z.object({
  row: z.number().int().nonnegative(),
  startCol: z.number().int().nonnegative(),
  endCol: z.number().int().positive(),
  rule: z.string(),
});
export type ScreenMaskCell = z.infer<typeof screenMaskCell>;

export const screenMask = z.object({
  t: z.number().nonnegative(),
  seq: z.number().int().nonnegative(),
  index: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** Where the cursor stood, to put it back: [row, col]; col = cols means a wrap is pending. */
  cursor: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
  /** The character in the last column, re-printed to restore a pending wrap. */
  lastCell: z.string().optional(),
  isInsertMode: z.boolean().optional(),
  isOriginMode: z.boolean().optional(),
  cells: z.array(screenMaskCell).min(1),
});
export type ScreenMask = z.infer<typeof screenMask>;

export const screenMaskList = z.object({ v: z.literal(SCREEN_MASKS_VERSION), masks: z.array(screenMask) });

export function encodeScreenMasks(masks: readonly ScreenMask[]): string {
  return JSON.stringify({ v: SCREEN_MASKS_VERSION, masks });
}

/** Throws on anything else: a reader that cannot apply the masks must not show the screen. */
export function decodeScreenMasks(text: string): ScreenMask[] {
  return screenMaskList.parse(JSON.parse(text)).masks;
}

/**
 * Writes `*` over the cells and puts the cursor back. Not DECSC/DECRC: that would overwrite a
 * cursor the program saved itself (except in origin mode, where an absolute move needs it).
 */
export function paintSequence(mask: ScreenMask): string {
  const [row, col] = mask.cursor;
  let out = mask.isOriginMode ? '\x1b7\x1b[?6l' : '';
  if (mask.isInsertMode) out += '\x1b[4l';
  for (const cell of mask.cells) out += `\x1b[${cell.row + 1};${cell.startCol + 1}H${'*'.repeat(cell.endCol - cell.startCol)}`;
  if (mask.isOriginMode) out += '\x1b[?6h\x1b8';
  // A cursor past the last column (a wrap pending): re-print that column's character.
  else if (mask.lastCell !== undefined) out += `\x1b[${row + 1};${col}H${mask.lastCell}`;
  else out += `\x1b[${row + 1};${col + 1}H`;
  return mask.isInsertMode ? `${out}\x1b[4h` : out;
}

/** The masks of each output event, by `seq:index`, in order of offset. */
export function masksByEvent(masks: readonly ScreenMask[]): Map<string, ScreenMask[]> {
  const byEvent = new Map<string, ScreenMask[]>();
  for (const mask of masks) {
    const key = `${mask.seq}:${mask.index}`;
    const list = byEvent.get(key);
    if (list) list.push(mask);
    else byEvent.set(key, [mask]);
  }
  for (const list of byEvent.values()) list.sort((a, b) => a.offset - b.offset);
  return byEvent;
}
