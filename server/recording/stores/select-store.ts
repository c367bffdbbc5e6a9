import path from 'node:path';
import type { RecordingStoreKind } from '@/db/recording-schema';
import { env } from '../../env';
import { objectLockTerms } from '../object-lock-terms';
import { FileRecordingStore } from './file-store';
import { PostgresRecordingStore } from './postgres-store';
import type { RecordingStore } from './recording-store';
import { S3Bucket } from './s3-bucket';
import { S3RecordingStore } from './s3-store';
import { processSingleton } from '@/lib/process-singleton';

/*
 * Stores keep caches (chunk headers), so one instance per kind and place is shared by server/
 * and route code (Next.js bundles them apart): one map per process.
 */

/** The store new recordings are written to (configuration), or the one a recording names. */
export function recordingStore(kind: RecordingStoreKind = env().recordingStore): RecordingStore {
  const stores = processSingleton('recordingStores', () => new Map<string, RecordingStore>());
  const s3 = env().s3;
  const key =
    kind === 'file' ? `file:${path.join(env().dataDir, 'recordings')}` : kind === 's3' ? `s3:${s3?.endpoint ?? 'aws'}/${s3?.bucket}/${s3?.prefix}` : 'postgres';
  let store = stores.get(key);
  if (!store) {
    store = newStore(kind);
    stores.set(key, store);
  }
  return store;
}

function newStore(kind: RecordingStoreKind): RecordingStore {
  if (kind === 'file') return new FileRecordingStore(path.join(env().dataDir, 'recordings'));
  if (kind === 'postgres') return new PostgresRecordingStore();
  const s3 = env().s3;
  // Recordings in a bucket this configuration does not name cannot be read, nor silently written elsewhere.
  if (!s3) throw new Error('a recording is in the s3 store, but PORTHOLE_S3_BUCKET is not set');
  return new S3RecordingStore(new S3Bucket(s3), objectLockTerms);
}
