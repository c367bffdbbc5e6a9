'use client';

import type { ButtonVariant } from '../ui/Button';
import { StartSessionButton, type StartSessionButtonProps } from './StartSessionButton';

/** Opens a terminal on an SSH resource, or on a Kubernetes resource's pod (`target`). */
export function ConnectButton({
  resourceId,
  label = 'Connect',
  variant = 'primary',
  target,
  disabled,
}: { resourceId: string; label?: string; variant?: ButtonVariant } & Pick<StartSessionButtonProps, 'target' | 'disabled'>) {
  return (
    <StartSessionButton
      resourceId={resourceId}
      pagePrefix="/terminal"
      label={label}
      pendingLabel="Connecting…"
      icon={<TerminalGlyph />}
      variant={variant}
      target={target}
      disabled={disabled}
    />
  );
}

function TerminalGlyph() {
  return (
    <svg
      aria-hidden
      viewBox="0 0 16 16"
      className="h-3.5 w-3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M3 4.5 6.5 8 3 11.5M8.5 11.5H13" />
    </svg>
  );
}
