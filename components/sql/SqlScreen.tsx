'use client';

import dynamic from 'next/dynamic';
import type { SqlConsoleProps } from './SqlConsole';

// Monaco and the grid only run in the browser.
const SqlConsole = dynamic(() => import('./SqlConsole'), {
  ssr: false,
  loading: () => (
    <div className="flex h-dvh items-center justify-center bg-white text-sm text-zinc-500 dark:bg-zinc-950" data-status="connecting">
      Loading the SQL console…
    </div>
  ),
});

export function SqlScreen(props: SqlConsoleProps) {
  return <SqlConsole {...props} />;
}
