'use client';

import { useId, useRef, useState, useTransition, type ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button';
import { TextAreaField } from './Field';
import type { FormState } from './form-state';

/** An optional reason the dialog asks for and passes to the action (what the other side reads). */
export type ConfirmReason = { label: string; hint: string; maxLength: number };

type Run = Promise<FormState | void>;
/**
 * Without `reason` the action is called with no argument: a server action bound to its ids
 * refuses an argument it does not take (its input is a tuple), so an empty reason would fail it.
 */
type ConfirmAction = { reason?: undefined; action: () => Run } | { reason: ConfirmReason; action: (reason: string) => Run };

/**
 * A button that asks first, in a modal dialog, then runs a server action; the server's
 * message shows next to the button. The confirm button repeats the trigger's label, and the
 * trigger is hidden from the accessibility tree while the dialog is open, so "Disable user"
 * names exactly one button at any time.
 */
export function ConfirmButton({
  label,
  title,
  description,
  confirmLabel = label,
  variant = 'secondary',
  confirmVariant = 'danger',
  className = '',
  describedBy,
  ...asked
}: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel?: string;
  variant?: ButtonVariant;
  confirmVariant?: ButtonVariant;
  className?: string;
  describedBy?: string;
} & ConfirmAction) {
  const { reason } = asked;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [isOpen, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [reasonText, setReasonText] = useState('');
  const [isPending, startTransition] = useTransition();

  function open() {
    setError(undefined);
    setOpen(true);
    dialogRef.current?.showModal();
  }

  function confirm() {
    startTransition(async () => {
      const result = await (asked.reason ? asked.action(reasonText.trim()) : asked.action());
      if (result && !result.ok) setError(result.message ?? 'Something went wrong.');
      else setReasonText('');
      dialogRef.current?.close();
    });
  }

  return (
    <div className={className}>
      <Button variant={variant} onClick={open} aria-hidden={isOpen || undefined} aria-describedby={describedBy}>
        {label}
      </Button>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:backdrop:bg-black/60"
      >
        <div className="p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <div className="mt-2 text-sm text-zinc-600 dark:text-zinc-300">{description}</div>
          {reason ? <ReasonField reason={reason} value={reasonText} onChange={setReasonText} /> : null}
          <div className="mt-5 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button variant={confirmVariant} onClick={confirm} disabled={isPending}>
              {confirmLabel}
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  );
}

function ReasonField({ reason, value, onChange }: { reason: ConfirmReason; value: string; onChange: (value: string) => void }) {
  return (
    <div className="mt-4">
      <TextAreaField
        label={reason.label}
        name="reason"
        rows={3}
        maxLength={reason.maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        hint={`${reason.hint} ${value.length} / ${reason.maxLength}`}
      />
    </div>
  );
}
