import { withApi } from '@/server/api/with-api';
import { exportAuditEvents } from '@/server/audit/list-audit-events';

/** The filtered audit log as a JSON Lines download, streamed page by page. */
export const GET = withApi(
  async ({ req, actor }) => {
    const { cursor: _cursor, limit: _limit, ...query } = Object.fromEntries(new URL(req.url).searchParams);
    const lines = exportAuditEvents({ actor, query });
    // Read the first line now, so a permission or database error is a JSON error, not a broken download.
    const first = await lines.next();
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        try {
          const next = await lines.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new Response(first.done ? null : stream, {
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': `attachment; filename="porthole-audit-${stamp}.jsonl"`,
        'cache-control': 'no-store',
      },
    });
  },
  { roles: ['admin', 'auditor'] },
);
