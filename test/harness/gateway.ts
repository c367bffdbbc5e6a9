import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { followUserAndResourceChanges } from '@/server/access/follow-access-changes';
import { startWatcherEnforcement } from '@/server/gateway/watcher-access';
import { createSessionGateway } from '@/server/gateway/session-gateway';
import { UpgradeRouter } from '@/server/http/upgrade-router';

export type TestGateway = {
  port: number;
  /** Points a wsUrl minted for the public URL at this server instead. */
  localUrl(wsUrl: string): string;
  /** Waits until every session has ended and recorded it (call after closing the sockets). */
  idle(): Promise<void>;
  close(): Promise<void>;
};

/** The gateway on a bare HTTP server, wired as server/index.ts wires it, without Next.js. */
export async function startTestGateway(): Promise<TestGateway> {
  const gateway = createSessionGateway();
  // As startJobs does in server/index.ts: a disabled user's grants are revoked, a narrowed resource's
  // sessions ended, and a watcher who may no longer watch is cut off.
  const stopFollowing = followUserAndResourceChanges();
  const stopWatcherEnforcement = startWatcherEnforcement();
  const router = new UpgradeRouter().add('/ws/sessions/:id', gateway.handleUpgrade).add('/ws/sessions/:id/watch', gateway.handleWatchUpgrade);
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const sockets = new Set<Duplex>();
  server.on('upgrade', (req, socket, head) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    router.handle(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    localUrl: (wsUrl) => {
      const url = new URL(wsUrl);
      url.protocol = 'ws:';
      url.host = `127.0.0.1:${port}`;
      return url.toString();
    },
    idle: () => gateway.idle(),
    close: async () => {
      stopFollowing();
      stopWatcherEnforcement();
      await gateway.close();
      // Upgraded sockets no longer belong to the HTTP server: close them ourselves.
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
