import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { KeptBody } from '../../connectors/http/send-http-request';

/**
 * Passes a body through unchanged while keeping what the recording needs: the first `limit`
 * bytes, the size and a running SHA-256. The whole body is never held, however large.
 */
export class BodyTap extends Transform {
  private size = 0;
  private readonly hash = createHash('sha256');
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;
  private digest: string | undefined;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    if (this.keptBytes < this.limit) {
      const part = chunk.subarray(0, this.limit - this.keptBytes);
      this.kept.push(part);
      this.keptBytes += part.length;
    }
    callback(null, chunk);
  }

  /** What the recording keeps of the body so far (all of it once the stream has ended): the first `limit` bytes, the size and the SHA-256. */
  tapped(): KeptBody {
    this.digest ??= this.hash.digest('hex');
    return { head: Buffer.concat(this.kept), size: this.size, isTruncated: this.size > this.limit, sha256: this.digest };
  }
}
