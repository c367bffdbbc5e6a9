'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { replayHref } from '@/lib/search/search-types';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Markdown } from '../notes/Markdown';
import { formatClock } from '../replay/replay-format';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';
import { Badge } from '../ui/PageHeader';
import { OpenSnippetButton } from './OpenSnippetButton';
import { sendSnippet } from './snippet-api';
import { SnippetEditForm } from './SnippetEditForm';

/** One saved snippet: title, the command, its notes, and what can be done with it. */
export function SnippetCard({ snippet, canOpen }: { snippet: SnippetView; canOpen: boolean }) {
  const router = useRouter();
  const titleId = useId();
  const [isEditing, setEditing] = useState(false);

  async function remove() {
    const result = await sendSnippet('DELETE', `/api/v1/snippets/${snippet.id}`);
    if (result.ok) router.refresh();
    return result;
  }

  return (
    <li data-testid="snippet" aria-labelledby={titleId} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="mb-2 flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <h2 id={titleId} className="min-w-0 text-sm font-semibold break-words">
          {snippet.title}
        </h2>
        <Badge tone={snippet.kind === 'sql' ? 'indigo' : 'zinc'}>{snippet.kind === 'sql' ? 'SQL' : 'command'}</Badge>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          {snippet.resource ? <>{snippet.resource.name} · </> : null}
          saved <RelativeTime iso={snippet.createdAt} />
          {snippet.recordingId ? (
            <>
              {' · '}
              <Link href={replayHref(snippet.recordingId, snippet.t ?? 0)} className="text-indigo-700 hover:underline dark:text-indigo-400">
                from the replay at {formatClock(snippet.t ?? 0)}
              </Link>
            </>
          ) : null}
        </span>
      </div>
      {isEditing ? (
        <SnippetEditForm snippet={snippet} onDone={() => setEditing(false)} />
      ) : (
        <>
          <pre
            aria-label={snippet.kind === 'sql' ? 'Statement' : 'Command'}
            className="overflow-x-auto rounded-md bg-zinc-100 px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100"
          >
            <code>{snippet.body}</code>
          </pre>
          {snippet.notes ? (
            <div className="mt-2 text-sm">
              <Markdown source={snippet.notes} />
            </div>
          ) : null}
          <div className="mt-3 flex flex-wrap items-start gap-2">
            <CopyButton text={snippet.body} label="Copy" />
            <OpenSnippetButton snippet={snippet} canOpen={canOpen} />
            <Button variant="ghost" onClick={() => setEditing(true)} aria-label={`Edit ${snippet.title}`}>
              Edit
            </Button>
            <ConfirmButton
              label="Delete"
              variant="ghost"
              title={`Delete “${snippet.title}”?`}
              description="The snippet and its notes go; the recording it came from stays."
              action={remove}
            />
          </div>
        </>
      )}
    </li>
  );
}
