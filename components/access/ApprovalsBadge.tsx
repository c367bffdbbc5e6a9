'use client';

import { useEffect, useState } from 'react';
import { subscribeLive } from './live-events';

/**
 * The live count beside "Approvals" in the navigation; hidden at zero. `onMenuButton`: the
 * same count on the phone's Menu button (the navigation is folded away there), without the
 * live region and test id, which the navigation's badge keeps.
 */
export function ApprovalsBadge({ onMenuButton = false }: { onMenuButton?: boolean }) {
  const [count, setCount] = useState<number>();
  useEffect(() => subscribeLive((message) => message.type === 'inbox' && setCount(message.count)), []);
  const pill = count ? (
    <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white dark:bg-indigo-500">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="sr-only">{count} awaiting your decision</span>
    </span>
  ) : null;
  if (onMenuButton) return pill;
  // The region stays mounted while the count comes and goes, so screen readers announce each change.
  return (
    <span aria-live="polite" aria-atomic="true" className="ml-auto">
      {/* data-count appears once the live stream has answered (tests wait for it). */}
      {count ? (
        <span data-testid="approvals-badge" data-count={count} className="inline-flex">
          {pill}
        </span>
      ) : (
        <span data-testid="approvals-badge" data-count={count} hidden />
      )}
    </span>
  );
}
