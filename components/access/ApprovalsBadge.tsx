'use client';

import { useEffect, useState } from 'react';
import { subscribeLive } from './live-events';

/** The live count beside "Approvals" in the navigation; hidden at zero. */
export function ApprovalsBadge() {
  const [count, setCount] = useState<number>();
  useEffect(() => subscribeLive((message) => message.type === 'inbox' && setCount(message.count)), []);
  // data-count appears once the live stream has answered (tests wait for it).
  if (!count) return <span data-testid="approvals-badge" data-count={count} hidden />;
  return (
    <span
      data-testid="approvals-badge"
      data-count={count}
      aria-label={`${count} awaiting your decision`}
      className="ml-auto inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white dark:bg-indigo-500"
    >
      {count > 99 ? '99+' : count}
    </span>
  );
}
