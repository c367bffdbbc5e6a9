import { Transform, type TransformCallback } from 'node:stream';

/** How long a suffix of `data` is also a prefix of `secret` (the bytes that could start a match). */
function partialMatchLength(data: Buffer, secret: Buffer): number {
  const longest = Math.min(data.length, secret.length - 1);
  for (let length = longest; length > 0; length--) {
    if (data.subarray(data.length - length).equals(secret.subarray(0, length))) return length;
  }
  return 0;
}

/**
 * Replaces every occurrence of the secrets with as many `*`, so the byte count (and a
 * Content-Length) stays right: an upstream that echoes the credential Porthole injected (a
 * debugging endpoint, an error page quoting the request) does not hand it to the client.
 * Holds back only the few bytes that could start a secret split across two chunks.
 */
export class RedactSecrets extends Transform {
  private readonly secrets: Buffer[];
  private held = Buffer.alloc(0);

  constructor(secrets: string[]) {
    super();
    this.secrets = secrets.filter((secret) => secret !== '').map((secret) => Buffer.from(secret));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let data = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    // The chunk belongs to the upstream's stream: copy it before starring, and only then.
    let isOwn = this.held.length > 0;
    for (const secret of this.secrets) {
      for (let at = data.indexOf(secret); at !== -1; at = data.indexOf(secret, at + secret.length)) {
        if (!isOwn) [data, isOwn] = [Buffer.from(data), true];
        data.fill(0x2a, at, at + secret.length);
      }
    }
    const keep = Math.max(0, ...this.secrets.map((secret) => partialMatchLength(data, secret)));
    this.held = Buffer.from(data.subarray(data.length - keep));
    callback(null, keep === 0 ? data : data.subarray(0, data.length - keep));
  }

  override _flush(callback: TransformCallback): void {
    if (this.held.length > 0) this.push(this.held);
    callback();
  }
}

/** A header value with the secrets starred out (same rule as the body). */
export function redactText(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '') out = out.split(secret).join('*'.repeat(secret.length));
  return out;
}
