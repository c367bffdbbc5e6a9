'use client';

import { useEffect, useState } from 'react';
import { formatClock, formatRemaining } from './format';

/** "52m left" ticking down to an end time, with the end time on hover. */
export function Countdown({ until, suffix = ' left' }: { until: string; suffix?: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={until} title={`Until ${formatClock(until)}`} suppressHydrationWarning className="tabular-nums">
      {formatRemaining(until, now)}
      {suffix}
    </time>
  );
}
