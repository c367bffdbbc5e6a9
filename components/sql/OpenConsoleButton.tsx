'use client';

import { StartSessionButton } from '../resources/StartSessionButton';
import type { ButtonVariant } from '../ui/Button';

/** Opens a SQL console on a database resource. */
export function OpenConsoleButton({
  resourceId,
  label = 'Open console',
  variant = 'primary',
}: {
  resourceId: string;
  label?: string;
  variant?: ButtonVariant;
}) {
  return <StartSessionButton resourceId={resourceId} pagePrefix="/sql" label={label} pendingLabel="Opening…" icon={<DatabaseGlyph />} variant={variant} />;
}

function DatabaseGlyph() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
      <ellipse cx="8" cy="3.5" rx="5" ry="2" />
      <path d="M3 3.5v9c0 1.1 2.2 2 5 2s5-.9 5-2v-9M3 8c0 1.1 2.2 2 5 2s5-.9 5-2" />
    </svg>
  );
}
