import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable, rowClass, Td, Th } from '@/components/admin/DataTable';
import { Pagination } from '@/components/admin/Pagination';
import { RelativeTime } from '@/components/admin/RelativeTime';
import { RecordingStatusBadge } from '@/components/replay/RecordingStatusBadge';
import { formatBytes } from '@/lib/format/bytes';
import { formatDuration } from '@/lib/format/duration';
import { buttonClass } from '@/components/ui/Button';
import { inputClass } from '@/components/ui/Field';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { canSeeAll } from '@/server/auth/actor';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listRecordings } from '@/server/recording/list-recordings';
import type { RecordingListQuery } from '@/server/recording/recording-schemas';
import { listResources } from '@/server/resources/list-resources';

export const metadata: Metadata = { title: 'Recordings' };

type Search = { scope?: string; resourceId?: string; status?: string; from?: string; to?: string; page?: string };

export default async function RecordingsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const isAuditor = canSeeAll(actor);
  const [result, resources] = await Promise.all([
    listRecordings({
      actor,
      query: { ...search, status: search.status as RecordingListQuery['status'], scope: search.scope === 'mine' ? 'mine' : undefined },
    }).catch((error: unknown) => toAppError(error)),
    listResources({ actor }),
  ]);
  const isFiltered = Boolean(search.resourceId || search.status || search.from || search.to);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (key !== 'page' && typeof value === 'string' && value !== '') query.set(key, value);
  const basePath = `/recordings${query.size > 0 ? `?${query.toString()}` : ''}`;
  const selectClass = `${inputClass} w-auto`;

  return (
    <>
      <PageHeader
        title="Recordings"
        description={
          isAuditor && search.scope !== 'mine' ? 'Every recorded session, newest first.' : 'Your recorded sessions, newest first. Open one to replay it.'
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter recordings">
        {isAuditor ? (
          <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Whose
            <select name="scope" defaultValue={search.scope ?? 'all'} className={selectClass}>
              <option value="all">Everyone</option>
              <option value="mine">Mine</option>
            </select>
          </label>
        ) : null}
        <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Resource
          <select name="resourceId" defaultValue={search.resourceId ?? ''} className={selectClass}>
            <option value="">Any resource</option>
            {resources.map((resource) => (
              <option key={resource.id} value={resource.id}>
                {resource.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          State
          <select name="status" defaultValue={search.status ?? ''} className={selectClass}>
            <option value="">Any state</option>
            <option value="recording">Live</option>
            <option value="complete">Complete</option>
            <option value="interrupted">Interrupted</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          From
          <input type="date" name="from" defaultValue={search.from ?? ''} className={selectClass} />
        </label>
        <label className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
          To
          <input type="date" name="to" defaultValue={search.to ?? ''} className={selectClass} />
        </label>
        <button type="submit" className={buttonClass('secondary')}>
          Filter
        </button>
        {isFiltered ? (
          <Link href="/recordings" className="text-sm text-zinc-500 hover:underline dark:text-zinc-400">
            Clear
          </Link>
        ) : null}
      </form>
      {'code' in result ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {result.userMessage}
        </p>
      ) : result.recordings.length === 0 ? (
        <EmptyState title={isFiltered ? 'No recordings match these filters' : 'No recordings yet'}>
          {isFiltered ? (
            'Try a wider date range or another resource.'
          ) : (
            <>
              Every terminal session is recorded. Connect to a resource from the{' '}
              <Link href="/resources" className="text-indigo-600 underline dark:text-indigo-400">
                catalogue
              </Link>{' '}
              and its recording appears here.
            </>
          )}
        </EmptyState>
      ) : (
        <>
          <DataTable
            label="Recordings"
            head={
              <>
                <Th>Started</Th>
                {isAuditor ? <Th>User</Th> : null}
                <Th>Resource</Th>
                <Th className="text-right">Duration</Th>
                <Th className="text-right">Size</Th>
                <Th className="text-right">Commands</Th>
                <Th>State</Th>
              </>
            }
          >
            {result.recordings.map((recording) => (
              <tr key={recording.id} className={rowClass} data-recording-id={recording.id}>
                <Td>
                  <Link href={`/recordings/${recording.id}`} className="font-medium hover:underline" aria-label={`Replay ${recording.resourceName} session`}>
                    <RelativeTime iso={recording.startedAt} />
                  </Link>
                </Td>
                {isAuditor ? (
                  <Td className="text-zinc-600 dark:text-zinc-300" title={recording.userEmail}>
                    {recording.userName}
                  </Td>
                ) : null}
                <Td>{recording.resourceName}</Td>
                <Td className="text-right tabular-nums">{formatDuration(recording.duration)}</Td>
                <Td className="text-right tabular-nums" title={`${formatBytes(recording.outputBytes)} of output, ${formatBytes(recording.storedBytes)} stored`}>
                  {formatBytes(recording.outputBytes)}
                </Td>
                <Td className="text-right tabular-nums">
                  {recording.indexState === 'pending' && recording.status !== 'recording' ? '…' : recording.commandCount}
                </Td>
                <Td>
                  <RecordingStatusBadge status={recording.status} />
                </Td>
              </tr>
            ))}
          </DataTable>
          <Pagination basePath={basePath} page={result.page} pageCount={result.pageCount} total={result.total} />
        </>
      )}
    </>
  );
}
