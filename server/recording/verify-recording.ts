import type { Recording } from '@/db/recording-schema';
import { formatCount } from '@/lib/format/count';
import { decodeChunk, FormatError, genesisHash, sha256 } from './format';
import { recordingStore } from './stores/select-store';

export type VerifyResult = {
  isValid: boolean;
  chunkCount: number;
  verifiedBytes: number;
  headHash: string | null;
  /** Events appended but not sealed yet (a live recording) are outside the chain so far. */
  hasOpenTail: boolean;
  /** What broke the chain, and where. */
  problem: string | null;
  failedChunk: number | null;
};

/**
 * Walks the hash chain from the genesis hash: every chunk must decode, carry the hash of the
 * one before it, and the last must match the head hash kept in the database.
 */
export async function verifyChain(recording: Pick<Recording, 'id' | 'store' | 'status' | 'headHash' | 'chunkCount'>): Promise<VerifyResult> {
  const store = recordingStore(recording.store);
  const result: VerifyResult = { isValid: false, chunkCount: 0, verifiedBytes: 0, headHash: null, hasOpenTail: false, problem: null, failedChunk: null };
  const fail = (problem: string, chunk: number | null) => ({ ...result, problem, failedChunk: chunk });
  let prev = genesisHash(recording.id);
  const hashes = new Set<string>();
  const chunks = await store.listChunks(recording.id);
  for (let i = 0; i < chunks.length; i++) {
    const seq = chunks[i]!.seq;
    if (seq !== i) return fail(`chunk ${i} is missing`, i);
    let bytes: Buffer;
    try {
      bytes = await store.readChunk(recording.id, seq);
      const { header } = decodeChunk(bytes);
      if (header.seq !== seq) return fail(`chunk ${seq} says it is chunk ${header.seq}`, seq);
      if (header.prevHash !== prev) return fail(`chunk ${seq} does not follow chunk ${seq - 1}: the hash chain is broken`, seq);
    } catch (error) {
      // Decoding errors name their chunk already ("chunk 3 does not match its checksum").
      if (error instanceof FormatError)
        return fail(error.message.startsWith(`chunk ${seq} `) ? error.message : `chunk ${seq} is damaged: ${error.message}`, seq);
      throw error;
    }
    prev = sha256(bytes);
    hashes.add(prev);
    result.chunkCount += 1;
    result.verifiedBytes += bytes.length;
    result.headHash = prev;
  }
  result.hasOpenTail = (await store.readOpen(recording.id)).some((open) => open.frames.length > 0);
  if (recording.status === 'recording') {
    // The row's head lags the store by one update while the writer runs.
    if (recording.headHash && !hashes.has(recording.headHash)) return fail('the chain does not contain the head recorded in the database', null);
  } else if ((recording.headHash ?? null) !== result.headHash || recording.chunkCount !== result.chunkCount) {
    return fail(
      recording.chunkCount !== result.chunkCount
        ? `the store holds ${formatCount(result.chunkCount, 'chunk')}, the database recorded ${recording.chunkCount}`
        : 'the last chunk does not match the head hash recorded in the database',
      result.chunkCount > 0 ? result.chunkCount - 1 : null,
    );
  }
  return { ...result, isValid: true };
}
