import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFilters, type AuditFilterValues } from '@/components/audit/AuditFilters';
import { AuditTable } from '@/components/audit/AuditTable';
import { Alert } from '@/components/ui/Alert';
import { buttonClass } from '@/components/ui/Button';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { listAuditEvents } from '@/server/audit/list-audit-events';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { listResources } from '@/server/resources/list-resources';

export const metadata: Metadata = { title: 'Audit log' };

const FILTERS = ['actor', 'resourceId', 'action', 'from', 'to'] as const;

/** datetime-local has no zone; the form labels it UTC. */
const asUtc = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor('admin', 'auditor');
  const raw = await searchParams;
  const values: AuditFilterValues = {};
  for (const key of FILTERS) {
    const value = raw[key];
    if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
  }
  const cursor = typeof raw.cursor === 'string' ? raw.cursor : undefined;
  const query = { ...values, from: asUtc(values.from), to: asUtc(values.to) };
  const filterParams = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'));

  const [resources, page] = await Promise.all([
    listResources({ actor }),
    listAuditEvents({ actor, query: { ...query, cursor } }).catch((error: unknown) => toAppError(error)),
  ]);
  const isError = !('events' in page);
  const olderHref = !isError && page.nextCursor ? `/audit?${new URLSearchParams({ ...values, cursor: page.nextCursor })}` : null;
  const isFiltered = Object.keys(values).length > 0;

  return (
    <>
      <PageHeader title="Audit log" description="Every request, decision, grant, session and change, newest first." />
      <AuditFilters values={values} resources={resources.map((r) => ({ id: r.id, name: r.name }))} exportHref={`/api/v1/audit/export?${filterParams}`} />
      {isError ? (
        <Alert tone="error">{page.userMessage}</Alert>
      ) : page.events.length === 0 ? (
        <EmptyState title={isFiltered ? 'No events match' : 'No events yet'}>
          {isFiltered ? 'Widen the time range or clear a filter.' : 'Events appear as people sign in, request access and connect.'}
        </EmptyState>
      ) : (
        <>
          <AuditTable rows={page.events} />
          <nav aria-label="Pagination" className="mt-3 flex justify-end gap-2">
            {cursor ? (
              <Link href={`/audit?${new URLSearchParams(values)}`} className={buttonClass('secondary')}>
                Newest
              </Link>
            ) : null}
            {olderHref ? (
              <Link href={olderHref} className={buttonClass('secondary')}>
                Older
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
