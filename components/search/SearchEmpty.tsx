import Link from 'next/link';
import { EmptyState } from '../ui/PageHeader';

const EXAMPLES = [
  ['pg_dump --sche', 'the start of a command'],
  ['"connection refused"', 'an exact phrase'],
  ['ERROR:', 'any text, even punctuation'],
  ['"connection refused" replica', 'a phrase and a word'],
] as const;

/** A session still open is not searchable yet: its recording is indexed once it is sealed. */
const LIVE_NOTE = 'A session still open is not searchable yet: it is indexed once it ends, usually within seconds.';

/** Before a search: what is searched, and a few queries to try. */
export function SearchStart({ isEveryone }: { isEveryone: boolean }) {
  return (
    <EmptyState title={isEveryone ? 'Search every recording' : 'Search your recordings'}>
      <p>Commands you typed, what the screen showed, SQL statements and your notes, as they were recorded (secrets stay masked).</p>
      <p className="mt-1 text-xs">{LIVE_NOTE}</p>
      <ul className="mt-3 flex flex-wrap justify-center gap-2">
        {EXAMPLES.map(([query, what]) => (
          <li key={query}>
            <Link
              href={`/search?q=${encodeURIComponent(query)}`}
              className="inline-flex items-baseline gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-1 hover:border-indigo-400 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:border-indigo-500"
            >
              <code className="font-mono text-xs text-zinc-900 dark:text-zinc-100">{query}</code>
              <span className="text-xs">{what}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs">
        Press <kbd className="rounded border border-zinc-300 px-1 font-mono dark:border-zinc-700">/</kbd> on any page to search.
      </p>
    </EmptyState>
  );
}

export function SearchNoResults({ query, isFiltered }: { query: string; isFiltered: boolean }) {
  return (
    <EmptyState title={`Nothing found for ${query.length > 60 ? `${query.slice(0, 60)}…` : query}`}>
      {isFiltered ? (
        <>
          Try without some filters:{' '}
          <Link href={`/search?q=${encodeURIComponent(query)}`} className="text-indigo-600 underline dark:text-indigo-400">
            search everything
          </Link>
          .
        </>
      ) : (
        'Try fewer words, the start of a word, or a piece of text as the screen showed it.'
      )}
      <p className="mt-1 text-xs">{LIVE_NOTE}</p>
    </EmptyState>
  );
}

/** A page past the last one (an old link, or fewer hits than when it was made): the way back to the first. */
export function SearchPastTheEnd({ page, firstPageHref }: { page: number; firstPageHref: string }) {
  return (
    <EmptyState title={`No results on page ${page.toLocaleString('en-US')}`}>
      This search has fewer pages than that.{' '}
      <Link href={firstPageHref} className="text-indigo-600 underline dark:text-indigo-400">
        Back to the first page
      </Link>
      .
    </EmptyState>
  );
}
