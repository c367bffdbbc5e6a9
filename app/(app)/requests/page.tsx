import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { ActionButton } from '@/components/access/ActionButton';
import { Countdown } from '@/components/access/Countdown';
import { formatClock, formatMinutes } from '@/components/access/format';
import { LiveRefresh } from '@/components/access/LiveRefresh';
import { REQUEST_STATUS_LABELS, RequestStatusBadge } from '@/components/access/RequestStatusBadge';
import { Alert } from '@/components/ui/Alert';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { formatCount } from '@/lib/format/count';
import { countRequests, listRequests } from '@/server/access/list-requests';
import { locateRequest } from '@/server/access/locate-request';
import { toAppError } from '@/server/errors/to-app-error';
import type { RequestStatus } from '@/db/access-schema';
import { ListFilters, listPath, StateFilter } from '@/components/ui/ListFilters';
import { PagedList } from '@/components/ui/PagedList';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { cancelRequestAction, revokeGrantAction } from './actions';

export const metadata: Metadata = { title: 'My requests' };

const PAGE_SIZE = 50;
type Search = { id?: string; status?: string; page?: string };

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  // A link to one request (a webhook's "open in Porthole"): its page of My requests, or Approvals for its approver.
  const linked = search.id && !search.page && !search.status ? await locateRequest({ actor, requestId: search.id, pageSize: PAGE_SIZE }) : null;
  if (linked?.kind === 'approver') redirect(`/approvals?id=${encodeURIComponent(search.id!)}`);
  if (linked?.kind === 'mine' && linked.page > 1) redirect(`/requests?id=${encodeURIComponent(search.id!)}&page=${linked.page}`);
  const query = { status: search.status as RequestStatus | undefined, limit: PAGE_SIZE, page: search.page };
  const result = await Promise.all([listRequests({ actor, query }), countRequests({ actor, query })]).catch((error: unknown) => toAppError(error));
  const isFiltered = Boolean(search.status);

  return (
    <>
      <LiveRefresh on="requests" />
      <PageHeader title="My requests" description="Your access requests and their state. Request access from a resource’s page." />
      {linked?.kind === 'elsewhere' ? (
        <div className="mb-4">
          <Alert>The linked request is not one of yours, and you do not approve its resource: here are your own requests.</Alert>
        </div>
      ) : null}
      <ListFilters label="Filter requests" clearHref="/requests" isFiltered={isFiltered}>
        <StateFilter value={search.status} states={REQUEST_STATUS_LABELS} />
      </ListFilters>
      <PagedList
        result={result}
        page={search.page}
        pageSize={PAGE_SIZE}
        basePath={listPath('/requests', { status: search.status })}
        noun={{ one: 'request', other: 'requests' }}
        empty={<NoRequests isFiltered={isFiltered} />}
      >
        {(requests) => <RequestTable requests={requests} highlighted={search.id} />}
      </PagedList>
    </>
  );
}

function NoRequests({ isFiltered }: { isFiltered: boolean }) {
  if (isFiltered) return <EmptyState title="No requests in this state">Choose another state, or clear the filter.</EmptyState>;
  return (
    <EmptyState title="No requests yet">
      Open a resource that needs approval in the{' '}
      <Link href="/resources" className="text-indigo-600 underline dark:text-indigo-400">
        catalogue
      </Link>{' '}
      and request access there.
    </EmptyState>
  );
}

/** One page of the actor's requests; `highlighted` is the one a notification linked to. */
function RequestTable({ requests, highlighted }: { requests: RequestView[]; highlighted: string | undefined }) {
  return (
    <DataTable
      label="My access requests"
      head={
        <>
          <Th>Resource</Th>
          <Th>Requested</Th>
          <Th>Duration</Th>
          <Th>Reason</Th>
          <Th>State</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </>
      }
    >
      {requests.map((request) => {
        const isActive = request.status === 'approved' && request.grant?.isActive === true;
        return (
          <tr
            key={request.id}
            data-request-id={request.id}
            data-status={request.status}
            aria-current={request.id === highlighted ? 'true' : undefined}
            className={`${rowClass} ${request.id === highlighted ? 'bg-indigo-50/60 dark:bg-indigo-950/30' : ''}`}
          >
            <Td>
              <Link href={`/resources/${request.resource.id}`} className="font-medium hover:underline">
                {request.resource.name}
              </Link>
            </Td>
            <Td className="text-zinc-500 dark:text-zinc-400">
              <RelativeTime iso={request.createdAt} />
            </Td>
            <Td className="tabular-nums">
              {request.isMoreTime ? <span className="text-zinc-500 dark:text-zinc-400">more time: </span> : null}
              {formatMinutes(request.durationMinutes)}
            </Td>
            <Td className="max-w-xs">
              <span className="line-clamp-2 text-zinc-600 dark:text-zinc-300">{request.reason || '—'}</span>
              {request.ticketUrl ? (
                <a href={request.ticketUrl} target="_blank" rel="noreferrer noopener" className="text-xs text-indigo-600 underline dark:text-indigo-400">
                  Ticket
                </a>
              ) : null}
            </Td>
            <RequestState request={request} isActive={isActive} />
            <RequestActions request={request} isActive={isActive} />
          </tr>
        );
      })}
    </DataTable>
  );
}

type RequestView = Awaited<ReturnType<typeof listRequests>>[number];

/** The state cell: status, time left on an active grant, approvals so far, who denied and why. */
function RequestState({ request, isActive }: { request: RequestView; isActive: boolean }) {
  return (
    <Td>
      <div className="flex flex-wrap items-center gap-2">
        <RequestStatusBadge status={request.status} />
        {isActive && request.grant ? (
          <span className="text-xs text-zinc-600 dark:text-zinc-300">
            active until {formatClock(request.grant.expiresAt)} · <Countdown until={request.grant.expiresAt} />
          </span>
        ) : null}
        {request.status === 'pending' ? (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">
            {request.approvalsCount} of {formatCount(request.approvalsRequired, 'approval')}
          </span>
        ) : null}
        {request.status === 'revoked' && request.grant ? <RevokedBy grant={request.grant} requesterId={request.requester.id} /> : null}
        {request.decisions
          .filter((d) => d.decision === 'deny')
          .map((d) => (
            <span key={d.approverId} className="text-xs text-zinc-500 dark:text-zinc-400">
              by {d.approverName}
              {d.comment ? `: “${d.comment}”` : ''}
            </span>
          ))}
      </div>
    </Td>
  );
}

/** Who ended a revoked grant, and the reason they gave. */
function RevokedBy({ grant, requesterId }: { grant: NonNullable<RequestView['grant']>; requesterId: string }) {
  const who = grant.revokedBy === requesterId ? 'you ended it early' : grant.revokedByName ? `by ${grant.revokedByName}` : null;
  if (!who && !grant.revokeReason) return null;
  return (
    <span className="text-xs text-zinc-500 dark:text-zinc-400">
      {who ?? ''}
      {grant.revokeReason ? `${who ? ': ' : ''}“${grant.revokeReason}”` : ''}
    </span>
  );
}

/** Cancel a pending request; connect with, or end, an active grant. */
function RequestActions({ request, isActive }: { request: RequestView; isActive: boolean }) {
  return (
    <Td className="text-right whitespace-nowrap">
      {request.status === 'pending' ? <ActionButton label="Cancel" pendingLabel="Cancelling…" action={cancelRequestAction.bind(null, request.id)} /> : null}
      {isActive && request.grant ? (
        <div className="flex justify-end gap-2">
          <Link
            href={`/resources/${request.resource.id}`}
            className="inline-flex items-center rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Connect
          </Link>
          <ConfirmButton
            label="End access"
            title={`End your access to ${request.resource.name} now?`}
            description="Live sessions on this resource end at once. You would need a new request to connect again."
            action={revokeGrantAction.bind(null, request.grant.id)}
          />
        </div>
      ) : null}
    </Td>
  );
}
