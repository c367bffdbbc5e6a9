import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/ui/Pagination';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { rangeLabel } from '@/components/sharing/share-format';
import { Alert } from '@/components/ui/Alert';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { formatDuration } from '@/lib/format/duration';
import type { SharedWithMeItem } from '@/lib/sharing/share-views';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listSharedWithMe } from '@/server/sharing/list-shared-with-me';

export const metadata: Metadata = { title: 'Shared with me' };

const PAGE_SIZE = 50;

type Props = { searchParams: Promise<{ page?: string | string[] }> };

function SharedItem({ share }: { share: SharedWithMeItem }) {
  const range = rangeLabel(share.rangeStart, share.rangeEnd);
  return (
    <li className="space-y-1 px-3 py-2.5 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Link href={`/recordings/${share.recordingId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {share.resourceName}
        </Link>
        <span className="text-zinc-600 dark:text-zinc-300">
          {share.ownerName}’s session, <RelativeTime iso={share.recordingStartedAt} />, {formatDuration(share.duration)}
          {range ? ` · you see ${range}` : ''}
        </span>
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Shared by {share.sharedByName ?? 'a deleted user'} <RelativeTime iso={share.createdAt} /> · expires <RelativeTime iso={share.expiresAt} />
      </p>
      {share.message ? <p className="text-xs whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">“{share.message}”</p> : null}
    </li>
  );
}

export default async function SharedWithMePage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const { page } = await searchParams;
  const pageParam = (Array.isArray(page) ? page[0] : page) || 1;
  const result = await listSharedWithMe({ actor, query: { page: pageParam, limit: PAGE_SIZE } }).catch((error: unknown) => toAppError(error));
  return (
    <>
      <PageHeader
        title="Shared with me"
        description="Recordings others shared with you for review, until each share expires. Your notes on them are shared with the owner."
      />
      {!('shares' in result) ? (
        <Alert tone="error">{result.userMessage}</Alert>
      ) : result.shares.length === 0 ? (
        <EmptyState title="Nothing shared with you">
          When someone shares a recording with you for review, it appears here until the share expires. Your own recordings are under{' '}
          <Link href="/recordings" className="text-indigo-600 underline dark:text-indigo-400">
            Recordings
          </Link>
          .
        </EmptyState>
      ) : (
        <>
          <ul
            aria-label="Recordings shared with me"
            className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          >
            {result.shares.map((share) => (
              <SharedItem key={share.shareId} share={share} />
            ))}
          </ul>
          <Pagination basePath="/shared-with-me" page={result.page} pageCount={result.pageCount} total={result.total} pageSize={PAGE_SIZE} />
        </>
      )}
    </>
  );
}
