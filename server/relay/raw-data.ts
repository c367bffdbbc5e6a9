import type { RawData } from 'ws';

/** A WebSocket message's bytes as one buffer, whichever form `ws` delivered them in. */
export function rawDataBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
