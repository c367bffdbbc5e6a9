import { withApi } from '@/server/api/with-api';
import { exportMyNotes } from '@/server/recording/annotations/export-my-notes';

/** All my notes as one Markdown file, each linking back to its moment (absolute links, from this request's origin). */
export const GET = withApi(async ({ req, actor }) => {
  const markdown = await exportMyNotes({ actor, origin: new URL(req.url).origin });
  return new Response(markdown, {
    headers: {
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="porthole-notes-${new Date().toISOString().slice(0, 10)}.md"`,
      'cache-control': 'no-store',
    },
  });
});
