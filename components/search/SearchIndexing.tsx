'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { formatNumber } from '@/lib/format/count';

const REFRESH_MS = 3000;

/** "Indexing 40 of 120 recordings…" while recordings are still being indexed; the page re-renders until they all are. */
export function SearchIndexing({ done, total }: { done: number; total: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div
      role="status"
      data-testid="search-indexing"
      className="mb-4 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/50 dark:text-indigo-200"
    >
      <p>
        Indexing {formatNumber(done)} of {formatNumber(total)} recordings… Results from the rest appear when they are done.
      </p>
      <div
        role="progressbar"
        aria-label="Indexing progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        className="mt-1.5 h-1 overflow-hidden rounded bg-indigo-200 dark:bg-indigo-900"
      >
        <div className="h-full bg-indigo-600 transition-[width] dark:bg-indigo-400" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
