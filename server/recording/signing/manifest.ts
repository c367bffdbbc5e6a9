import type { Recording } from '@/db/recording-schema';

export const MANIFEST_FORMAT = 'porthole-recording-manifest/1';

export type RecordingManifest = {
  format: typeof MANIFEST_FORMAT;
  recordingId: string;
  chunkCount: number;
  /** SHA-256 (hex) of the last chunk; null for a recording with no events. */
  headHash: string | null;
  startedAt: string;
  endedAt: string | null;
  keyId: string;
};

/**
 * The bytes that are signed: JSON with a fixed key order, so the same recording always gives
 * the same text. The format name inside keeps a manifest signature from meaning anything else.
 * The bundle carries these exact bytes; the verifier never rebuilds them.
 */
export function manifestText(recording: Pick<Recording, 'id' | 'chunkCount' | 'headHash' | 'startedAt' | 'endedAt'>, keyId: string): string {
  const manifest: RecordingManifest = {
    format: MANIFEST_FORMAT,
    recordingId: recording.id,
    chunkCount: recording.chunkCount,
    headHash: recording.headHash ?? null,
    startedAt: recording.startedAt.toISOString(),
    endedAt: recording.endedAt?.toISOString() ?? null,
    keyId,
  };
  return JSON.stringify(manifest);
}
