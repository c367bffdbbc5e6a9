import { recordingStore } from './select-store';
import { S3RecordingStore } from './s3-store';

/** Readiness of the s3 store: the bucket answers a HEAD with this process's credentials. */
export async function isRecordingBucketReachable(): Promise<boolean> {
  const store = recordingStore('s3');
  return store instanceof S3RecordingStore && (await store.bucket.isReachable());
}
