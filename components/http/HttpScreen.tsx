'use client';

import dynamic from 'next/dynamic';
import type { HttpConsoleProps } from './HttpConsole';

// The console (and Monaco, when the body is opened) only runs in the browser.
const HttpConsole = dynamic(() => import('./HttpConsole'), {
  ssr: false,
  loading: () => (
    <div className="flex h-dvh items-center justify-center bg-white text-sm text-zinc-500 dark:bg-zinc-950" data-status="connecting">
      Loading the HTTP console…
    </div>
  ),
});

export function HttpScreen(props: HttpConsoleProps) {
  return <HttpConsole {...props} />;
}
