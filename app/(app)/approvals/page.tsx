import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApprovalsInbox, type InboxDetail } from '@/components/access/ApprovalsInbox';
import { LiveRefresh } from '@/components/access/LiveRefresh';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { getRequest } from '@/server/access/get-request';
import { isApprover } from '@/server/access/is-approver';
import { listApprovalsInbox } from '@/server/access/list-approvals-inbox';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { StatementReviews } from '@/components/sql/StatementReviews';
import { listPendingSqlReviews } from '@/server/sql/reviews/list-sql-reviews';
import { approveAction, denyAction } from './actions';
import { approveSqlReviewAction, denySqlReviewAction } from './sql-review-actions';

export const metadata: Metadata = { title: 'Approvals' };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const actor = await requirePageActor();
  // Like /audit: someone in no approver group is told the page does not exist.
  if (!(await isApprover(actor))) notFound();
  const [{ id }, requests, sqlReviews] = await Promise.all([searchParams, listApprovalsInbox({ actor }), listPendingSqlReviews({ actor })]);
  const selectedId = id ?? requests[0]?.id;
  const selected: InboxDetail | null = selectedId ? await getRequest({ actor, requestId: selectedId }).catch(() => null) : null;

  return (
    <>
      <LiveRefresh on="inbox" />
      <PageHeader
        title="Approvals"
        description="Access requests waiting for your decision, oldest first."
        actions={
          <Link href="/approvals/grants" className="text-sm text-indigo-600 underline dark:text-indigo-400">
            Active grants
          </Link>
        }
      />
      <StatementReviews reviews={sqlReviews} approve={approveSqlReviewAction} deny={denySqlReviewAction} />
      {requests.length === 0 && !selected ? (
        sqlReviews.length > 0 ? null : (
          <EmptyState title="Nothing to decide">New requests for resources you approve appear here as they arrive.</EmptyState>
        )
      ) : (
        <ApprovalsInbox
          items={requests.map((r) => ({
            id: r.id,
            requesterName: r.requester.name,
            resourceName: r.resource.name,
            durationMinutes: r.durationMinutes,
            isMoreTime: r.isMoreTime,
            createdAt: r.createdAt,
            approvalsCount: r.approvalsCount,
            approvalsRequired: r.approvalsRequired,
          }))}
          selected={selected}
          approve={approveAction}
          deny={denyAction}
        />
      )}
    </>
  );
}
