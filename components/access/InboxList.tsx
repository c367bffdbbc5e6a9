import Link from 'next/link';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { formatMinutes } from './format';
import type { InboxItem } from './inbox-types';

/** The approvals inbox's left column: the requests waiting for me, the selected one marked. */
export function InboxList({ items, selectedId }: { items: InboxItem[]; selectedId: string | undefined }) {
  return (
    <div>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-200 px-3 py-2.5 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          Nothing else waits for your decision.
        </p>
      ) : null}
      <ul
        hidden={items.length === 0}
        aria-label="Requests awaiting your decision"
        className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
      >
        {items.map((item) => {
          const isSelected = item.id === selectedId;
          return (
            <li key={item.id}>
              <Link
                href={`/approvals?id=${item.id}`}
                replace
                scroll={false}
                aria-current={isSelected ? 'true' : undefined}
                className={`block px-3 py-2.5 text-sm ${isSelected ? 'bg-indigo-50 dark:bg-indigo-950/40' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40'}`}
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className="truncate font-medium">{item.requesterName}</span>
                  <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">
                    <RelativeTime iso={item.createdAt} />
                  </span>
                </span>
                <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">
                  {item.resourceName} · {item.isMoreTime ? 'more time: ' : ''}
                  {formatMinutes(item.durationMinutes)}
                  {item.approvalsRequired > 1 ? ` · ${item.approvalsCount}/${item.approvalsRequired}` : ''}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 hidden text-xs text-zinc-500 md:block dark:text-zinc-400">
        <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>d</kbd> deny · <kbd>c</kbd> comment
      </p>
    </div>
  );
}
