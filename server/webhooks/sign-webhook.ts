import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Porthole-Signature';
export const TIMESTAMP_HEADER = 'X-Porthole-Timestamp';
export const EVENT_HEADER = 'X-Porthole-Event';
export const DELIVERY_HEADER = 'X-Porthole-Delivery';

/** `sha256=<hex>` of HMAC-SHA256(secret, raw body). The body carries the same timestamp as the header. */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** For receivers (and tests): constant-time check of a signature header against a raw body. */
export function verifySignature(secret: string, rawBody: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, rawBody));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
