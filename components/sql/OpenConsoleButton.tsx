'use client';

import { StartSessionButton } from '../resources/StartSessionButton';
import type { ButtonVariant } from '../ui/Button';

/** Opens a console: SQL on a database resource, or (`pagePrefix="/http"`) the HTTP console on an HTTP API. */
export function OpenConsoleButton({
  resourceId,
  label = 'Open console',
  variant = 'primary',
  pagePrefix = '/sql',
}: {
  resourceId: string;
  label?: string;
  variant?: ButtonVariant;
  pagePrefix?: '/sql' | '/http';
}) {
  const icon = pagePrefix === '/http' ? <ApiGlyph /> : <DatabaseGlyph />;
  return <StartSessionButton resourceId={resourceId} pagePrefix={pagePrefix} label={label} pendingLabel="Opening…" icon={icon} variant={variant} />;
}

function ApiGlyph() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M5.5 4L2 8l3.5 4M10.5 4L14 8l-3.5 4" />
    </svg>
  );
}

function DatabaseGlyph() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
      <ellipse cx="8" cy="3.5" rx="5" ry="2" />
      <path d="M3 3.5v9c0 1.1 2.2 2 5 2s5-.9 5-2v-9M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" />
    </svg>
  );
}
