'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../ui/Button';
import { TextAreaField } from '../ui/Field';

/** Matches the server's limit (server/sessions/session-schemas.ts). */
const MAX_REASON = 500;

/**
 * Terminate a live session, with a reason the engineer reads in their terminal: a modal
 * asks for it, then POST /api/v1/sessions/:id/terminate; the server's message shows in the
 * dialog when it refuses.
 */
export function TerminateSessionButton({ sessionId, userName, size = 'normal' }: { sessionId: string; userName: string; size?: 'normal' | 'small' }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [isPending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const response = await fetch(`/api/v1/sessions/${encodeURIComponent(sessionId)}/terminate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as { error?: { message?: string; fields?: Record<string, string[]> } } | undefined;
        setError(body?.error?.fields?.reason?.[0] ?? body?.error?.message ?? `Could not terminate the session (HTTP ${response.status}).`);
        return;
      }
      dialogRef.current?.close();
      setReason('');
      router.refresh();
    } catch {
      setError('Could not reach Porthole. Try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        variant="danger"
        className={size === 'small' ? 'px-2 py-1 text-xs' : ''}
        aria-label={`Terminate ${userName}’s session`}
        onClick={() => dialogRef.current?.showModal()}
      >
        Terminate
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        onClose={() => setError(undefined)}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:backdrop:bg-black/60"
      >
        <form className="space-y-4 p-5" onSubmit={(event) => void submit(event)}>
          <h2 id={titleId} className="text-base font-semibold">
            Terminate {userName}’s session
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            The session ends at once. {userName} sees your name and this reason; the recording and the audit log keep them.
          </p>
          <TextAreaField
            label="Reason"
            name="reason"
            rows={3}
            required
            maxLength={MAX_REASON}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={error}
            hint={`${reason.length} / ${MAX_REASON}`}
          />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={isPending || reason.trim() === ''}>
              Terminate session
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
