import type { Metadata } from 'next';
import Link from 'next/link';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Markdown } from '@/components/notes/Markdown';
import { formatClock } from '@/components/replay/replay-format';
import { ListSearch } from '@/components/snippets/ListSearch';
import { NotesTabs } from '@/components/snippets/NotesTabs';
import { Alert } from '@/components/ui/Alert';
import { Pagination, PastLastPage } from '@/components/ui/Pagination';
import { buttonClass } from '@/components/ui/Button';
import { Badge, EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listMyNotes } from '@/server/recording/annotations/list-my-notes';

export const metadata: Metadata = { title: 'My notes' };

const chip = (isActive: boolean) =>
  `rounded-full border px-2.5 py-0.5 text-xs ${isActive ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800'}`;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

const PAGE_SIZE = 25;

export default async function NotesPage({
  searchParams,
}: {
  searchParams: Promise<{ tag?: string | string[]; q?: string | string[]; page?: string | string[] }>;
}) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const tag = one(params.tag);
  const q = one(params.q)?.trim() ?? '';
  const result = await listMyNotes({ actor, query: { tag, q, page: one(params.page) || 1, limit: PAGE_SIZE } }).catch((error: unknown) => toAppError(error));
  if (!('notes' in result)) {
    return (
      <NotesFrame q={q} tag={tag}>
        <Alert tone="error">{result.userMessage}</Alert>
      </NotesFrame>
    );
  }
  const { notes, tags, total } = result;
  const basePath = notesPath({ q, tag });

  return (
    <NotesFrame q={q} tag={tag}>
      <TagFilter tags={tags} current={tag} q={q} />
      {notes.length === 0 && total > 0 ? (
        <PastLastPage noun={{ one: 'note', other: 'notes' }} total={total} firstPage={basePath} />
      ) : notes.length === 0 ? (
        <NoNotes q={q} tag={tag} />
      ) : (
        <ol aria-label="My notes" className="space-y-2">
          {notes.map((note) => (
            <li key={note.id} data-testid="my-note" className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
              <div className="mb-1.5 flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
                <Link
                  href={`/recordings/${note.recordingId}?t=${note.t.toFixed(1)}`}
                  className="font-medium text-indigo-700 hover:underline dark:text-indigo-400"
                >
                  {note.resourceName} at {formatClock(note.t)}
                  {note.endT !== null ? `–${formatClock(note.endT)}` : ''}
                </Link>
                <span>
                  session <RelativeTime iso={note.recordingStartedAt} />
                </span>
                {note.isShared ? <Badge tone="indigo">shared</Badge> : null}
                {note.tags.map((name) => (
                  <Link key={name} href={`/notes?tag=${encodeURIComponent(name)}`}>
                    <Badge>#{name}</Badge>
                  </Link>
                ))}
              </div>
              <Markdown source={note.body} />
            </li>
          ))}
        </ol>
      )}
      {notes.length > 0 ? (
        <Pagination basePath={basePath} page={result.page} pageCount={Math.ceil(total / PAGE_SIZE)} total={total} pageSize={PAGE_SIZE} />
      ) : null}
    </NotesFrame>
  );
}

/** The actor's tags as links that filter the list (keeping the search); "All" clears the tag. */
function TagFilter({ tags, current, q }: { tags: string[]; current?: string; q: string }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label="Filter by tag" className="mb-4 flex flex-wrap gap-1.5">
      <Link href={notesPath({ q })} className={chip(!current)} aria-current={!current ? 'page' : undefined}>
        All
      </Link>
      {tags.map((name) => (
        <Link key={name} href={notesPath({ q, tag: name })} className={chip(current === name)} aria-current={current === name ? 'page' : undefined}>
          #{name}
        </Link>
      ))}
    </nav>
  );
}

function NoNotes({ q, tag }: { q: string; tag?: string }) {
  return (
    <EmptyState title={q ? `No notes match “${q}”${tag ? ` in #${tag}` : ''}` : tag ? `No notes tagged #${tag}` : 'No notes yet'}>
      {tag || q ? (
        <Link href="/notes" className="text-indigo-600 underline dark:text-indigo-400">
          Show all notes
        </Link>
      ) : (
        <>
          Replay a session from{' '}
          <Link href="/recordings" className="text-indigo-600 underline dark:text-indigo-400">
            Recordings
          </Link>
          , pause where something matters and add a note in the Notes tab.
        </>
      )}
    </EmptyState>
  );
}

/** The notes list with its search and tag, for the pages' links. */
function notesPath({ q, tag }: { q: string; tag?: string }): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (tag) params.set('tag', tag);
  const query = params.toString();
  return query ? `/notes?${query}` : '/notes';
}

function NotesFrame({ q, tag, children }: { q: string; tag?: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader
        title="Notes & snippets"
        description="Everything you noted while replaying recordings. Open one to jump to its moment."
        actions={
          // A download, not a page: a plain link with `download` keeps the browser on this page.
          <a href="/api/v1/notes/export" download className={buttonClass('secondary')}>
            Export all as Markdown
          </a>
        }
      />
      <NotesTabs current="notes" />
      <ListSearch action="/notes" q={q} label="Search my notes" placeholder="Search note text and tags" keep={{ tag }} />
      {children}
    </>
  );
}
