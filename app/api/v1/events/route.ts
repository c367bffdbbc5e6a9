import { withApi } from '@/server/api/with-api';
import { openLiveStream } from '@/server/live-updates/live-stream';

export const dynamic = 'force-dynamic';

/** Server-sent events: live approval count and my requests' state changes. */
export const GET = withApi(
  ({ req, actor }) =>
    new Response(openLiveStream({ actor, signal: req.signal }), {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform keeps compression from buffering the stream.
        'cache-control': 'no-cache, no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      },
    }),
);
