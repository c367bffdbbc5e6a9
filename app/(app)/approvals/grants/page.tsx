import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Countdown } from '@/components/access/Countdown';
import { formatClock } from '@/components/access/format';
import { LiveRefresh } from '@/components/access/LiveRefresh';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { PagedList } from '@/components/ui/PagedList';
import { isApprover } from '@/server/access/is-approver';
import { countGrants, listGrants } from '@/server/access/list-grants';
import type { GrantView } from '@/server/access/access-schemas';
import { toAppError } from '@/server/errors/to-app-error';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { revokeAction } from '../actions';
import { MAX_REVOKE_REASON } from '@/server/access/access-schemas';
import type { ConfirmReason } from '@/components/ui/ConfirmButton';

const REVOKE_REASON: ConfirmReason = {
  label: 'Reason (optional)',
  hint: 'The user reads it where their session ends; the audit log keeps it.',
  maxLength: MAX_REVOKE_REASON,
};

export const metadata: Metadata = { title: 'Active grants' };

const PAGE_SIZE = 50;

export default async function ActiveGrantsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePageActor();
  if (!(await isApprover(actor))) notFound();
  const { page } = await searchParams;
  // Others' grants: the actor's own are on My requests, where they end them early.
  const query = { status: 'active' as const, limit: PAGE_SIZE, page };
  const result = await Promise.all([listGrants({ actor, query, isOthersOnly: true }), countGrants({ actor, query, isOthersOnly: true })]).catch(
    (error: unknown) => toAppError(error),
  );

  return (
    <>
      <LiveRefresh on="inbox" />
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/approvals" className="hover:underline">
          Approvals
        </Link>{' '}
        / <span>Active grants</span>
      </nav>
      <PageHeader title="Active grants" description="Access running now on resources you approve for. Revoking ends its live sessions at once." />
      <PagedList
        result={result}
        page={page}
        pageSize={PAGE_SIZE}
        basePath="/approvals/grants"
        noun={{ one: 'grant', other: 'grants' }}
        empty={<EmptyState title="No active grants">Approved requests show here until they expire or are revoked.</EmptyState>}
      >
        {(grants) => <GrantsTable grants={grants} />}
      </PagedList>
    </>
  );
}

function GrantsTable({ grants }: { grants: GrantView[] }) {
  return (
    <DataTable
      label="Active grants"
      head={
        <>
          <Th>Who</Th>
          <Th>Resource</Th>
          <Th>Started</Th>
          <Th>Ends</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </>
      }
    >
      {grants.map((grant) => (
        <tr key={grant.id} className={rowClass} data-grant-id={grant.id}>
          <Td>
            <span className="font-medium">{grant.userName}</span>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{grant.userEmail}</span>
          </Td>
          <Td>
            <Link href={`/resources/${grant.resourceId}`} className="hover:underline">
              {grant.resourceName}
            </Link>
          </Td>
          <Td>
            <RelativeTime iso={grant.startsAt} />
          </Td>
          <Td className="whitespace-nowrap">
            {formatClock(grant.expiresAt)} · <Countdown until={grant.expiresAt} />
          </Td>
          <Td className="text-right">
            <ConfirmButton
              label="Revoke"
              title={`Revoke ${grant.userName}’s access to ${grant.resourceName}?`}
              description="The grant ends now and the user’s live sessions on this resource are closed. They read your name and the reason you give."
              reason={REVOKE_REASON}
              action={revokeAction.bind(null, grant.id)}
            />
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
