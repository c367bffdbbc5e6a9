import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/Pagination';
import { NotesTabs } from '@/components/snippets/NotesTabs';
import { SnippetCard } from '@/components/snippets/SnippetCard';
import { ListSearch } from '@/components/snippets/ListSearch';
import { Alert } from '@/components/ui/Alert';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listSnippets } from '@/server/snippets/list-snippets';
import { resourcesOpenTo } from '@/server/snippets/resources-open-to';

export const metadata: Metadata = { title: 'My snippets' };

const PAGE_SIZE = 25;

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SnippetsPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const q = one(params.q)?.trim() ?? '';
  const result = await listSnippets({ actor, query: { q, page: one(params.page) || 1, limit: PAGE_SIZE } }).catch((error: unknown) => toAppError(error));
  if (!('snippets' in result)) {
    return (
      <SnippetsFrame q={q}>
        <Alert tone="error">{result.userMessage}</Alert>
      </SnippetsFrame>
    );
  }
  const openable = await resourcesOpenTo(actor, result.snippets);
  return (
    <SnippetsFrame q={q}>
      {result.snippets.length === 0 ? (
        <EmptyState title={q ? `No snippets match “${q}”` : 'No snippets yet'}>
          {q ? (
            <Link href="/snippets" className="text-indigo-600 underline dark:text-indigo-400">
              Show all snippets
            </Link>
          ) : (
            <>
              In a replay from{' '}
              <Link href="/recordings" className="text-indigo-600 underline dark:text-indigo-400">
                Recordings
              </Link>
              , open the Commands tab and choose “Save as snippet” next to a command or statement worth keeping.
            </>
          )}
        </EmptyState>
      ) : (
        <>
          <ol aria-label="My snippets" className="space-y-3">
            {result.snippets.map((snippet) => (
              <SnippetCard key={snippet.id} snippet={snippet} canOpen={snippet.resource !== null && openable.has(snippet.resource.id)} />
            ))}
          </ol>
          <Pagination
            basePath={q ? `/snippets?q=${encodeURIComponent(q)}` : '/snippets'}
            page={result.page}
            pageCount={Math.ceil(result.total / PAGE_SIZE)}
            total={result.total}
            pageSize={PAGE_SIZE}
          />
        </>
      )}
    </SnippetsFrame>
  );
}

function SnippetsFrame({ q, children }: { q: string; children: React.ReactNode }) {
  return (
    <>
      <PageHeader
        title="Notes & snippets"
        description="Commands and statements you kept, with your notes. Copy one, or open it on its resource ready to paste."
      />
      <NotesTabs current="snippets" />
      <ListSearch action="/snippets" q={q} label="Search my snippets" placeholder="Search title, command or notes" />
      {children}
    </>
  );
}
