import Link from 'next/link';
import { formatCount, pluralNoun } from '@/lib/format/count';
import { formatDuration } from '@/lib/format/duration';
import { formatClock } from '@/components/replay/replay-format';
import type { MaskCount, ResourceTime } from '@/lib/insights/insights-types';

/** Time per resource as a table with a bar in each row: reading the numbers matters as much as the shape. */
export function ResourceTimeTable({ resources }: { resources: ResourceTime[] }) {
  const most = resources[0]?.seconds || 1;
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Time per resource</caption>
      <thead className="text-xs text-zinc-500 dark:text-zinc-400">
        <tr>
          <th className="pb-1 font-medium">Resource</th>
          <th className="pb-1 text-right font-medium">Sessions</th>
          <th className="pb-1 text-right font-medium">Time</th>
        </tr>
      </thead>
      <tbody>
        {resources.map((resource) => (
          <tr key={`${resource.resourceType}:${resource.resourceName}`} className="border-t border-zinc-100 dark:border-zinc-800">
            <td className="py-1.5 pr-3">
              <Link href={resource.latest.href} className="text-indigo-700 hover:underline dark:text-indigo-400" title="Open the latest session">
                {resource.resourceName}
              </Link>
              <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">{resource.resourceType}</span>
              <div aria-hidden="true" className="mt-1 h-1 rounded bg-zinc-100 dark:bg-zinc-800">
                <div className="h-1 rounded bg-indigo-500 dark:bg-indigo-400" style={{ width: `${Math.max(2, (resource.seconds / most) * 100)}%` }} />
              </div>
            </td>
            <td className="py-1.5 text-right tabular-nums">{resource.sessions}</td>
            <td className="py-1.5 text-right tabular-nums">{formatDuration(resource.seconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "You printed 4 AWS access key IDs on prod-db": never the secrets, only rule, place and moments. */
export function MaskList({ masks, isOwn }: { masks: MaskCount[]; isOwn: boolean }) {
  return (
    <ol aria-label="Secrets masked" className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {masks.map((mask) => (
        <li key={`${mask.rule}:${mask.resourceName}`} className="py-2 text-sm">
          <p>
            {isOwn ? 'You showed' : 'Shown'} <strong className="font-semibold">{formatCount(mask.count, { one: 'secret', other: 'secrets' })}</strong> matching{' '}
            <em className="not-italic font-medium">{mask.rule}</em> on <strong className="font-semibold">{mask.resourceName}</strong>; Porthole masked{' '}
            {mask.count === 1 ? 'it' : 'them'}.
          </p>
          <p className="mt-0.5 flex flex-wrap gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
            <span>{pluralNoun(mask.moments.length, 'Moment')}:</span>
            {mask.moments.map((moment) => (
              <Link
                key={`${moment.recordingId}:${moment.t}`}
                href={moment.href}
                aria-label={`Replay at ${formatClock(moment.t)}`}
                className="text-indigo-700 hover:underline dark:text-indigo-400"
              >
                {formatClock(moment.t)}
              </Link>
            ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
