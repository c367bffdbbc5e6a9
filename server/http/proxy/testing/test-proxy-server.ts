import type { AddressInfo } from 'node:net';
import { endSessionsOnEvent } from '../../../gateway/end-sessions-on-event';
import { handleWatchUpgrade } from '../../../gateway/watch-upgrade';
import { UpgradeRouter } from '../../upgrade-router';
import { createHttpServer } from '../../create-http-server';
import { createHttpProxy, type HttpProxyOptions } from '../http-proxy';

export type TestProxyServer = { origin: string; endSessions(): Promise<void>; close(): Promise<void> };

/**
 * The custom server's request path with the proxy, as server/index.ts wires it, without Next.js
 * (other paths answer 404), and the watch upgrade; `session.terminate` events end proxy sessions
 * as the gateway's listener does in the real server.
 */
export async function startTestProxyServer(options: HttpProxyOptions = {}): Promise<TestProxyServer> {
  const proxy = createHttpProxy(options);
  const stopEnding = endSessionsOnEvent();
  const watchRouter = new UpgradeRouter().add('/ws/sessions/:id/watch', handleWatchUpgrade);
  const server = createHttpServer({
    handleRequest: async (_req, res) => void res.writeHead(404).end(),
    handleSocketUpgrade: (req, socket, head) => watchRouter.handle(req, socket, head),
    proxy,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    endSessions: () => proxy.close('The test is over.'),
    close: async () => {
      stopEnding();
      await proxy.close('The test is over.');
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
