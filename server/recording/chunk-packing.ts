/**
 * How each sealed chunk's frames are packed, chosen from how the last large chunks compressed
 * (output runs in kinds: a `cat` of base64 goes on for many chunks, and so does text):
 *   text    Brotli quality 1, the tightest of the cheap ones on terminal output;
 *   dense   quality 0: output that barely compresses (base64, hex dumps), as tight there within
 *           1 % for less CPU;
 *   stored  no compression (brotli-stored.ts): output that compresses to more than
 *           STORED_RATIO of its size even so (base64 0.76, random or compressed bytes ~1.0).
 *           Squeezing the last quarter out of base64 costs about 4 ms of CPU per MB, a sixth of
 *           the configured gateway's whole cost; disk is the cheaper of the two.
 * A stored chunk says nothing of the output's kind, so after STORED_RUN of them one is
 * compressed again to look.
 */
export type Packing = 'text' | 'dense' | 'stored';

/** Chunks smaller than this (a quiet session's, sealed by the clock) are packed as text and teach nothing. */
export const PACKING_MIN_BYTES = 64 * 1024;
/** Stored / raw bytes past which output is dense. Text compresses well under it at either quality. */
export const DENSE_RATIO = 0.6;
/** Stored / raw bytes past which compressing does not pay. */
export const STORED_RATIO = 0.7;
/** Large chunks stored before the next one is compressed to look again (at most 3.5 MiB of text stored raw). */
export const STORED_RUN = 7;

export class PackingChoice {
  private isDense = false;
  private storedLeft = 0;

  /** The packing of a chunk of `bytes` frame bytes. */
  next(bytes: number): Packing {
    if (bytes < PACKING_MIN_BYTES) return 'text';
    if (this.storedLeft > 0) {
      this.storedLeft -= 1;
      return 'stored';
    }
    return this.isDense ? 'dense' : 'text';
  }

  /** A chunk of `bytes` frame bytes packed as `packing` came to `packedBytes`. */
  observe(bytes: number, packing: Packing, packedBytes: number): void {
    if (bytes < PACKING_MIN_BYTES || packing === 'stored') return;
    this.isDense = packedBytes > bytes * DENSE_RATIO;
    if (packedBytes > bytes * STORED_RATIO) this.storedLeft = STORED_RUN;
  }
}
