import type { Duplex } from 'node:stream';
import { log } from '../../log/logger';
import { rejectUpgrade } from '../upgrade-router';

export const UPGRADE_REFUSED = 'WebSocket upgrades through the HTTP proxy are not supported yet.';

/** A WebSocket upgrade under /proxy/ is answered with a clear refusal (501), never relayed nor handed to Next.js. */
export function refuseProxyUpgrade(socket: Duplex): void {
  log().info('HTTP proxy: WebSocket upgrade refused');
  rejectUpgrade(socket, 501, UPGRADE_REFUSED);
}
