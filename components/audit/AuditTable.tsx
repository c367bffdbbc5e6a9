import { DataTable, rowClass, Td, Th } from '@/components/ui/DataTable';
import { RelativeTime } from '@/components/ui/RelativeTime';

export type AuditRow = {
  id: string;
  at: string;
  actor: { id: string; email: string; name: string } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  data: Record<string, unknown>;
};

/** The data a reader scans for first, then the rest as compact JSON. */
function summarize(data: Record<string, unknown>): string {
  const { resourceName, reason, comment, ...rest } = data;
  const head = [resourceName, reason || comment].filter((v) => typeof v === 'string' && v !== '').join(' — ');
  const tail = Object.keys(rest).length > 0 ? JSON.stringify(rest) : '';
  return [head, tail].filter(Boolean).join('  ');
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <DataTable
      label="Audit events"
      head={
        <>
          <Th>Time</Th>
          <Th>Actor</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Details</Th>
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.id} className={rowClass} data-action={row.action}>
          <Td className="text-zinc-500 dark:text-zinc-400">
            <RelativeTime iso={row.at} />
          </Td>
          <Td>{row.actor ? <span title={row.actor.email}>{row.actor.name || row.actor.email}</span> : <span className="text-zinc-400">system</span>}</Td>
          <Td>
            <code className="text-xs">{row.action}</code>
          </Td>
          <Td className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
            {row.targetType ? `${row.targetType} ${row.targetId?.slice(0, 8) ?? ''}` : '—'}
          </Td>
          <Td className="max-w-md">
            <span className="line-clamp-2 font-mono text-xs break-all text-zinc-600 dark:text-zinc-300" title={JSON.stringify(row.data, null, 2)}>
              {summarize(row.data)}
            </span>
          </Td>
        </tr>
      ))}
    </DataTable>
  );
}
