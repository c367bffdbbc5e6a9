import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/Alert';
import { listPath } from '@/components/ui/ListFilters';
import { PagedList } from '@/components/ui/PagedList';
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

const RECORDINGS_PER_PAGE = 100;

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
        limit: RECORDINGS_PER_PAGE,
        scope: search.scope === 'mine' ? 'mine' : undefined,
        automated: search.automated === 'true' || search.automated === 'false' ? search.automated : undefined,
      },
    }).catch((error: unknown) => toAppError(error)),
    listResources({ actor }),
  ]);
  const isFiltered = Boolean(search.resourceId || search.status || search.from || search.to || search.automated || (isAuditor && search.scope === 'mine'));
  const basePath = listPath('/recordings', search);

  return (
    <>
      <PageHeader
        title="Recordings"
        description={
          isAuditor && search.scope !== 'mine' ? 'Every recorded session, newest first.' : 'Your recorded sessions, newest first. Open one to replay it.'
        }
      />
      {deleted === '1' ? (
        <div className="mb-4">
          <Alert tone="success">Recording deleted. The audit log keeps that you deleted it.</Alert>
        </div>
      ) : null}
      <RecordingFilters search={search} resources={resources} isAuditor={isAuditor} isFiltered={isFiltered} />
      <PagedList
        result={'code' in result ? result : [result.recordings, result.total]}
        page={search.page}
        pageSize={RECORDINGS_PER_PAGE}
        basePath={basePath}
        noun={{ one: 'recording', other: 'recordings' }}
        empty={<NoRecordings isFiltered={isFiltered} />}
      >
        {(recordings) => <RecordingTable recordings={recordings} isAuditor={isAuditor} viewerId={actor.id} />}
      </PagedList>
    </>
  );
}

function NoRecordings({ isFiltered }: { isFiltered: boolean }) {
  if (isFiltered) return <EmptyState title="No recordings match these filters">Try a wider date range or another resource.</EmptyState>;
  return (
    <EmptyState title="No recordings yet">
      Every terminal and SQL console session is recorded. Connect to a resource from the{' '}
      <Link href="/resources" className="text-indigo-600 underline dark:text-indigo-400">
        catalogue
      </Link>{' '}
      and its recording appears here.
    </EmptyState>
  );
}
