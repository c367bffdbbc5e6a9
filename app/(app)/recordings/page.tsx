import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { listPath } from '@/components/ui/ListFilters';
import { Pagination, PastLastPage } from '@/components/ui/Pagination';
import { RecordingFilters, type RecordingSearch } from '@/components/recordings/RecordingFilters';
import { RecordingTable } from '@/components/recordings/RecordingTable';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { canSeeAll } from '@/server/actor/actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listRecordings } from '@/server/recording/list-recordings';
import type { RecordingListQuery } from '@/server/recording/recording-schemas';
import { listResources } from '@/server/resources/list-resources';

export const metadata: Metadata = { title: 'Recordings' };

/** `deleted=1`: the owner has just deleted a recording (its page redirects here). */
type Search = RecordingSearch & { deleted?: string };

export default async function RecordingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const { deleted, ...search } = await searchParams;
  const isAuditor = canSeeAll(actor);
  const [result, resources] = await Promise.all([
    listRecordings({
      actor,
      query: {
        ...search,
        status: search.status as RecordingListQuery['status'],
        scope: search.scope === 'mine' ? 'mine' : undefined,
        automated: search.automated === 'true' || search.automated === 'false' ? search.automated : undefined,
      },
    }).catch((error: unknown) => toAppError(error)),
    listResources({ actor }),
  ]);
  const isFiltered = Boolean(search.resourceId || search.status || search.from || search.to || search.automated);
  const basePath = listPath('/recordings', search);

  return (
    <>
      <PageHeader
        title="Recordings"
        description={
          isAuditor && search.scope !== 'mine' ? 'Every recorded session, newest first.' : 'Your recorded sessions, newest first. Open one to replay it.'
        }
      />
      {deleted === '1' ? <Alert tone="success">Recording deleted. The audit log keeps that you deleted it.</Alert> : null}
      <RecordingFilters search={search} resources={resources} isAuditor={isAuditor} isFiltered={isFiltered} />
      {'code' in result ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {result.userMessage}
        </p>
      ) : result.recordings.length === 0 && result.total > 0 ? (
        <PastLastPage noun={{ one: 'recording', other: 'recordings' }} total={result.total} firstPage={basePath} />
      ) : result.recordings.length === 0 ? (
        <EmptyState title={isFiltered ? 'No recordings match these filters' : 'No recordings yet'}>
          {isFiltered ? (
            'Try a wider date range or another resource.'
          ) : (
            <>
              Every terminal and SQL console session is recorded. Connect to a resource from the{' '}
              <Link href="/resources" className="text-indigo-600 underline dark:text-indigo-400">
                catalogue
              </Link>{' '}
              and its recording appears here.
            </>
          )}
        </EmptyState>
      ) : (
        <>
          <RecordingTable recordings={result.recordings} isAuditor={isAuditor} viewerId={actor.id} />
          <Pagination basePath={basePath} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
