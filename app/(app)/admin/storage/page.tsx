import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { formatBytes } from '@/lib/format/bytes';
import { formatCount } from '@/lib/format/count';
import type { StorageRow } from '@/lib/retention/retention-views';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { listHolds } from '@/server/retention/list-holds';
import { storageReport } from '@/server/retention/storage-report';

export const metadata: Metadata = { title: 'Recording storage' };

export default async function StoragePage() {
  const actor = await requirePageActor('admin');
  const [report, holds] = await Promise.all([storageReport({ actor }), listHolds({ actor })]);
  const activeHolds = holds.filter((hold) => hold.liftedAt === null).length;
  const { total, nextPurge } = report;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Recording storage"
        description={
          <>
            {formatCount(total.count, 'recording')}, {formatBytes(total.bytes)} stored
            {total.oldest ? (
              <>
                , the oldest from <RelativeTime iso={total.oldest} />
              </>
            ) : null}
            . {report.defaultDays === 0 ? 'Kept forever by default' : `Kept ${formatCount(report.defaultDays, 'day')} by default`};{' '}
            {formatCount(activeHolds, 'active legal hold')} (
            <Link href="/admin/retention" className="underline">
              Retention &amp; holds
            </Link>
            ).
          </>
        }
      />
      <Card>
        <h2 className="text-sm font-semibold">
          Next purge <Badge tone={nextPurge.count > 0 ? 'amber' : 'zinc'}>{formatCount(nextPurge.count, 'recording')}</Badge>
        </h2>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-300" data-testid="next-purge">
          {nextPurge.count === 0
            ? 'Nothing is past its retention: the purge job (every ten minutes) has nothing to remove.'
            : `${formatCount(nextPurge.count, 'recording')} (${formatBytes(nextPurge.bytes)}) past retention and under no hold: the purge job removes them within ten minutes.`}
        </p>
        {nextPurge.sample.length > 0 ? (
          <ul className="mt-2 space-y-1 text-sm">
            {nextPurge.sample.map((row) => (
              <li key={row.key}>
                <Link href={`/recordings/${row.key}`} className="underline">
                  {row.label}
                </Link>{' '}
                · {row.oldest ? <RelativeTime iso={row.oldest} /> : null} · {formatBytes(row.bytes)}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
      <StorageTable title="By resource" rows={report.byResource} empty="No recordings yet." />
      <StorageTable title="By user" rows={report.byUser} empty="No recordings yet." />
    </div>
  );
}

function StorageTable({ title, rows, empty }: { title: string; rows: StorageRow[]; empty: string }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-sm font-semibold">{title}</h2>
      {rows.length === 0 ? (
        <EmptyState title={empty}>Recordings appear here once sessions have run.</EmptyState>
      ) : (
        <DataTable
          label={`Recording storage ${title.toLowerCase()}`}
          head={
            <>
              <Th>{title === 'By user' ? 'User' : 'Resource'}</Th>
              <Th>Recordings</Th>
              <Th>Stored</Th>
              <Th>Oldest</Th>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={`${row.key}-${row.label}`} className={rowClass}>
              <Td className="font-medium">
                {row.label}
                {title === 'By resource' && row.key === null ? <span className="text-xs text-zinc-500 dark:text-zinc-400"> (deleted)</span> : null}
              </Td>
              <Td className="tabular-nums">{row.count.toLocaleString('en-US')}</Td>
              <Td className="tabular-nums">{formatBytes(row.bytes)}</Td>
              <Td className="text-xs">{row.oldest ? <RelativeTime iso={row.oldest} /> : '—'}</Td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
