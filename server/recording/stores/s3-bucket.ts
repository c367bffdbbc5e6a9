import {
  DeleteObjectsCommand,
  GetObjectCommand,
  GetObjectLockConfigurationCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  S3Client,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { log } from '../../log/logger';

export type ObjectLockSetting = 'auto' | 'off' | 'governance' | 'compliance';
export type ObjectLockMode = 'GOVERNANCE' | 'COMPLIANCE';
export type S3Config = { bucket: string; endpoint?: string; region: string; isPathStyle: boolean; prefix: string; objectLock: ObjectLockSetting };

/** What Object Lock asks of one object: a retention date (none: keep forever) and a legal hold. */
export type LockTerms = { retainUntil: Date | null; isHeld: boolean };

/**
 * One bucket (and key prefix) of recordings, through the AWS SDK. Credentials come from the
 * SDK's standard chain (environment, shared files, instance or pod roles), never from Porthole.
 */
export class S3Bucket {
  private lockMode: Promise<ObjectLockMode | null> | undefined;

  constructor(
    readonly config: S3Config,
    readonly client: S3Client = newClient(config),
  ) {}

  key(recordingId: string, name: string): string {
    return [this.config.prefix, recordingId.toLowerCase(), name].filter(Boolean).join('/');
  }

  async put(key: string, body: Buffer, lock?: { mode: ObjectLockMode; terms: LockTerms }): Promise<void> {
    const input: PutObjectCommandInput = { Bucket: this.config.bucket, Key: key, Body: body, ContentType: 'application/octet-stream' };
    if (lock) {
      // S3 refuses Object Lock parameters on a PUT without a checksum of the body.
      input.ChecksumAlgorithm = 'CRC32';
      if (lock.terms.retainUntil) Object.assign(input, { ObjectLockMode: lock.mode, ObjectLockRetainUntilDate: lock.terms.retainUntil });
      if (lock.terms.isHeld) input.ObjectLockLegalHoldStatus = 'ON';
    }
    await this.client.send(new PutObjectCommand(input));
  }

  async get(key: string, range?: { offset: number; length: number }): Promise<Buffer> {
    const Range = range ? `bytes=${range.offset}-${range.offset + range.length - 1}` : undefined;
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key, Range }));
    if (!answer.Body) throw new Error(`s3 object ${key} has no body`);
    return Buffer.from(await answer.Body.transformToByteArray());
  }

  /** Every key under the recording's folder: a purge also removes what a crash left unlisted. */
  async deleteFolder(recordingId: string): Promise<void> {
    const Prefix = `${this.key(recordingId, '')}`;
    for (;;) {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.config.bucket, Prefix, MaxKeys: 1000 }));
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
      if (keys.length === 0) return;
      const result = await this.client.send(new DeleteObjectsCommand({ Bucket: this.config.bucket, Delete: { Objects: keys, Quiet: true } }));
      const failed = result.Errors ?? [];
      if (failed.length > 0) throw new Error(`s3 refused to delete ${failed.length} object(s) of ${recordingId}: ${failed[0]?.Code ?? 'unknown'}`);
    }
  }

  async setLegalHold(key: string, isHeld: boolean): Promise<void> {
    await this.client.send(new PutObjectLegalHoldCommand({ Bucket: this.config.bucket, Key: key, LegalHold: { Status: isHeld ? 'ON' : 'OFF' } }));
  }

  /** The bucket answers and these credentials may use it (readiness). */
  async isReachable(): Promise<boolean> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    return true;
  }

  /** The mode chunks are locked with, or null: configured, or read once from the bucket ("auto"). */
  objectLockMode(): Promise<ObjectLockMode | null> {
    const setting = this.config.objectLock;
    if (setting !== 'auto') return Promise.resolve(setting === 'off' ? null : setting === 'governance' ? 'GOVERNANCE' : 'COMPLIANCE');
    this.lockMode ??= this.detectLockMode();
    return this.lockMode;
  }

  private async detectLockMode(): Promise<ObjectLockMode | null> {
    try {
      const { ObjectLockConfiguration: config } = await this.client.send(new GetObjectLockConfigurationCommand({ Bucket: this.config.bucket }));
      if (config?.ObjectLockEnabled !== 'Enabled') return null;
      return config.Rule?.DefaultRetention?.Mode ?? 'GOVERNANCE';
    } catch (error) {
      // Any other failure is not an answer: ask again next time rather than write unlocked for good.
      if (!isNoLockAnswer(error)) {
        this.lockMode = undefined;
        throw error;
      }
      log().info({ bucket: this.config.bucket }, 'the recordings bucket has no Object Lock; chunks are written without it');
      return null;
    }
  }
}

/** The bucket has no Object Lock configuration, or the server does not implement it. */
function isNoLockAnswer(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'ObjectLockConfigurationNotFoundError' || name === 'NotImplemented' || $metadata?.httpStatusCode === 404 || $metadata?.httpStatusCode === 501;
}

function newClient(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.isPathStyle,
    // Checksums only where S3 requires them: MinIO, Ceph and Garage releases differ in what they accept.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
