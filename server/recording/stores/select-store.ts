import path from 'node:path';
import type { RecordingStoreKind } from '@/db/recording-schema';
import { env } from '../../env';
import { FileRecordingStore } from './file-store';
import { PostgresRecordingStore } from './postgres-store';
import type { RecordingStore } from './recording-store';

/*
 * Stores keep caches (chunk headers), so one instance per kind and place is shared by server/
 * and route code (Next.js bundles them apart), on globalThis like the db handle.
 */
const globalForStores = globalThis as unknown as { __portholeRecordingStores?: Map<string, RecordingStore> };

/** The store new recordings are written to (configuration), or the one a recording names. */
export function recordingStore(kind: RecordingStoreKind = env().recordingStore): RecordingStore {
  const stores = (globalForStores.__portholeRecordingStores ??= new Map<string, RecordingStore>());
  const key = kind === 'file' ? `file:${path.join(env().dataDir, 'recordings')}` : 'postgres';
  let store = stores.get(key);
  if (!store) {
    store = kind === 'file' ? new FileRecordingStore(path.join(env().dataDir, 'recordings')) : new PostgresRecordingStore();
    stores.set(key, store);
  }
  return store;
}
