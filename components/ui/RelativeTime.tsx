'use client';

import { useEffect, useState } from 'react';
import { formatAbsolute, formatRelative } from './time-format';

/**
 * A time shown relative ("3 min ago"), with the absolute time on hover. Server and browser may
 * disagree on the clock and the locale, hence the suppressed hydration warning.
 */
export function RelativeTime({ iso, empty = 'Never' }: { iso: string | null; empty?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  if (!iso) return <span className="text-zinc-400 dark:text-zinc-500">{empty}</span>;
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={formatAbsolute(date)} suppressHydrationWarning className="whitespace-nowrap">
      {formatRelative(date, now)}
    </time>
  );
}
