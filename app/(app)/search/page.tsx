import type { Metadata } from 'next';
import { Pagination } from '@/components/ui/Pagination';
import { SearchNoResults, SearchPastTheEnd, SearchStart } from '@/components/search/SearchEmpty';
import { SearchForm, type SearchFormValues } from '@/components/search/SearchForm';
import { SearchIndexing } from '@/components/search/SearchIndexing';
import { SearchResults } from '@/components/search/SearchResults';
import { PageHeader } from '@/components/ui/PageHeader';
import { formatCount } from '@/lib/format/count';
import { searchQuery, type SearchResponse } from '@/lib/search/search-types';
import { canSeeAll, type Actor } from '@/server/actor/actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listResources } from '@/server/resources/list-resources';
import { searchRecordings } from '@/server/search/search-recordings';
import { listUserChoices } from '@/server/users/list-user-choices';

export const metadata: Metadata = { title: 'Search' };

const KEYS = ['q', 'kind', 'resourceId', 'resourceType', 'from', 'to', 'ownerId', 'failedOnly', 'sort', 'page'] as const;
type Params = Record<string, string | string[] | undefined>;

function pick(params: Params): SearchFormValues & { page?: string } {
  const values: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params[key];
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== '') values[key] = first;
  }
  return values;
}

/** The search itself: the query's own problem as a message, or the engine's answer. */
type Outcome = { result?: SearchResponse; limit?: number; error?: string };

async function runSearch(actor: Actor, values: ReturnType<typeof pick>): Promise<Outcome> {
  const parsed = searchQuery.safeParse(values);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'This search is not valid.' };
  try {
    return { result: await searchRecordings({ actor, query: values }), limit: parsed.data.limit };
  } catch (error) {
    return { error: toAppError(error).userMessage };
  }
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor();
  const values = pick(await searchParams);
  const isEveryone = canSeeAll(actor);
  const hasQuery = Boolean(values.q?.trim());
  const searching: Promise<Outcome> = hasQuery ? runSearch(actor, values) : Promise.resolve({});
  const [resources, owners, { result, limit = 20, error }] = await Promise.all([
    listResources({ actor }),
    isEveryone ? listUserChoices({ actor }) : null,
    searching,
  ]);
  const isFiltered = KEYS.some((key) => key !== 'q' && key !== 'sort' && key !== 'page' && values[key]);
  const params = new URLSearchParams(Object.entries(values).filter(([key]) => key !== 'page'));
  // `hasMore` is the engine's word; `total` only sizes the count shown.
  // An old link or a page number typed by hand: the engine finds nothing there, not nothing at all.
  const isPastTheEnd = result !== undefined && result.recordings.length === 0 && result.page > 1;
  const pageCount = result?.hasMore ? Math.max(result.page + 1, Math.ceil(result.total / limit)) : (result?.page ?? 1);

  return (
    <>
      <PageHeader
        title="Search"
        description={
          isPastTheEnd
            ? 'Past the last page of results.'
            : result
              ? `${formatCount(result.total, 'recording')} with hits${isEveryone && !values.ownerId ? ', from everyone' : ''}.`
              : isEveryone
                ? 'Across every recording.'
                : 'Across your recordings.'
        }
      />
      <SearchForm values={values} resources={resources} owners={owners} error={error} />
      {result?.indexing ? <SearchIndexing done={result.indexing.done} total={result.indexing.total} /> : null}
      {!hasQuery ? <SearchStart isEveryone={isEveryone} /> : null}
      {isPastTheEnd ? <SearchPastTheEnd page={result.page} firstPageHref={`/search?${params.toString()}`} /> : null}
      {result && result.recordings.length === 0 && !isPastTheEnd ? <SearchNoResults query={result.query} isFiltered={isFiltered} /> : null}
      {result && result.recordings.length > 0 ? (
        <>
          <SearchResults groups={result.recordings} query={result.query} isOwnerShown={isEveryone} />
          <Pagination basePath={`/search?${params.toString()}`} page={result.page} pageCount={pageCount} total={result.total} pageSize={limit} />
        </>
      ) : null}
    </>
  );
}
