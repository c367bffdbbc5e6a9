import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingSignatures, signingKeys } from '@/db/signing-schema';
import type { Actor } from '../../actor/actor';
import { AppError } from '../../errors/app-error';
import { auditExport } from '../audit-recording-access';
import type { ExportFile } from '../export-recording';
import { requireVisibleRecording } from '../find-recording';
import { sha256 } from '../format';
import { recordingStore } from '../stores/select-store';
import { verifyChain } from '../verify-recording';
import { tarEnd, tarEntry } from './tar-writer';

export const BUNDLE_FORMAT = 'porthole-bundle/1';

export const chunkEntryName = (seq: number) => `chunks/${String(seq).padStart(8, '0')}.phc`;

type ChunkIndexEntry = { seq: number; hash: string; prevHash: string; bytes: number };

const README = `A Porthole recording bundle (${BUNDLE_FORMAT}).

manifest.json    what was signed when the recording was sealed (chunk count, chain head, times)
manifest.sig     the Ed25519 signature of manifest.json, base64
public-key.pem   the public key that made it (compare its id with /api/v1/recordings/signing-key)
chunks/*.phc     the recording's chunks exactly as stored; each header holds the previous chunk's SHA-256
chunks.json      each chunk's SHA-256 and previous hash, for locating damage

Verify offline: npx porthole-verify <bundle.tar> [--key <pem file, PEM or signing-key URL>]
`;

/** What is needed before the first byte goes out: damage found mid-stream would only cut the file short. */
async function bundleSources(actor: Actor, recordingId: string) {
  const row = await requireVisibleRecording(actor, recordingId);
  if (row.recording.status === 'recording')
    throw new AppError('CONFLICT', { userMessage: 'This recording is still being written; export its bundle once the session has ended.' });
  const [signed] = await db()
    .select({ signature: recordingSignatures, publicKeyPem: signingKeys.publicKeyPem })
    .from(recordingSignatures)
    .innerJoin(signingKeys, eq(signingKeys.keyId, recordingSignatures.keyId))
    .where(eq(recordingSignatures.recordingId, recordingId));
  if (!signed)
    throw new AppError('CONFLICT', {
      userMessage: 'This recording has no signature (it was sealed before recordings were signed, or signing failed), so there is no signed bundle to export.',
    });
  const check = await verifyChain(row.recording);
  if (!check.isValid)
    throw new AppError('RECORDING_DAMAGED', { userMessage: `This recording is damaged and cannot be exported: ${check.problem ?? 'it does not verify'}.` });
  return { row, signed };
}

/**
 * A signed recording as one tar: the signed manifest, its signature and public key, and the
 * chunks byte for byte as stored, streamed one chunk at a time. Audited like every export.
 */
export async function exportBundle({ actor, recordingId }: { actor: Actor; recordingId: string }): Promise<ExportFile> {
  const { row, signed } = await bundleSources(actor, recordingId);
  await auditExport(actor, recordingId, 'bundle');
  const store = recordingStore(row.recording.store);
  const chunks = await store.listChunks(recordingId);
  const mtime = row.recording.endedAt ?? row.recording.startedAt;
  const dir = `recording-${recordingId}`;
  const entry = (name: string, data: string | Buffer) => tarEntry(`${dir}/${name}`, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, mtime);
  const index: ChunkIndexEntry[] = [];
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const head = [
        entry('README.txt', README),
        entry('manifest.json', signed.signature.manifest),
        entry('manifest.sig', `${signed.signature.signature}\n`),
        entry('public-key.pem', signed.publicKeyPem),
      ];
      for (const part of head.flat()) controller.enqueue(part);
    },
    async pull(controller) {
      const chunk = chunks[next++];
      if (!chunk) {
        for (const part of [...entry('chunks.json', `${JSON.stringify(index, null, 1)}\n`), tarEnd()]) controller.enqueue(part);
        controller.close();
        return;
      }
      const bytes = await store.readChunk(recordingId, chunk.seq);
      index.push({ seq: chunk.seq, hash: sha256(bytes), prevHash: chunk.prevHash, bytes: bytes.length });
      for (const part of entry(chunkEntryName(chunk.seq), bytes)) controller.enqueue(part);
    },
  });
  const stamp = row.recording.startedAt.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return { filename: `${row.session.resourceName.replace(/[^\w.-]+/g, '_')}-${stamp}.porthole.tar`, contentType: 'application/x-tar', body };
}
