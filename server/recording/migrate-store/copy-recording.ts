import type { Recording, RecordingStoreKind } from '@/db/recording-schema';
import { decodeChunkHeader, sha256, type SealedChunk } from '../format';
import type { RecordingStore } from '../stores/recording-store';
import { recordingStore } from '../stores/select-store';
import { verifyChain } from '../verify-recording';

/**
 * Copies a sealed recording's chunks and keyframes from its store into another, then walks
 * the copy's hash chain against the head the database recorded. What a killed copy left in
 * the target is removed first: until the row names the target, the copy there is nobody's.
 * Returns the problem when the copy does not verify (the row still names the source then).
 */
export async function copyRecording(row: Recording, to: RecordingStoreKind): Promise<string | null> {
  const source = recordingStore(row.store);
  const target = recordingStore(to);
  await target.deleteRecording(row.id);
  // Written as the recorder writes them, so each store prepares its place (the file store's folder).
  let failure: Error | undefined;
  const writer = await target.create(row.id, (error) => (failure = error));
  try {
    for (const info of await source.listChunks(row.id)) await writer.writeChunk(sealedFrom(await source.readChunk(row.id, info.seq)));
  } finally {
    await writer.close();
  }
  if (failure) throw failure;
  await copyKeyframes(row.id, source, target);
  const verified = await verifyChain({ ...row, store: to });
  return verified.isValid ? null : (verified.problem ?? 'the copy does not verify');
}

function sealedFrom(bytes: Buffer): SealedChunk {
  const { version, seq, eventCount, rawBytes, tStart, tEnd, prevHash } = decodeChunkHeader(bytes);
  return { version, seq, eventCount, rawBytes, tStart, tEnd, prevHash, bytes, hash: sha256(bytes) };
}

async function copyKeyframes(recordingId: string, source: RecordingStore, target: RecordingStore): Promise<void> {
  const keyframes = await source.listKeyframes(recordingId);
  if (keyframes.length === 0) return;
  const blobs = [];
  for (const keyframe of keyframes) blobs.push({ t: keyframe.t, bytes: await source.readKeyframe(recordingId, keyframe.seq) });
  await target.writeKeyframes(recordingId, blobs);
}
