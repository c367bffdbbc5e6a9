'use client';

import Link from 'next/link';
import { formText } from '@/lib/form-data';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextAreaField, TextField } from '../ui/Field';
import { sendSnippet, suggestTitle } from './snippet-api';

export type SaveSnippetButtonProps = {
  /** The command or statement, as shown (masked text). */
  text: string;
  kind: 'command' | 'sql';
  resourceId?: string | null;
  /** The replay it comes from, and the moment: the snippet links back to it. */
  recordingId?: string;
  t?: number;
  defaultTitle?: string;
  /** `icon`: a small bookmark button for dense rows (a command list, search hits). */
  look?: 'button' | 'icon';
};

type Outcome = { ok: true; title: string } | { ok: false; message: string; fields?: Record<string, string[]> } | undefined;

/** "Save as snippet": a small dialog asking for a title and optional notes, then saves it to /snippets. */
export function SaveSnippetButton({ text, kind, resourceId, recordingId, t, defaultTitle, look = 'button' }: SaveSnippetButtonProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [outcome, setOutcome] = useState<Outcome>();
  const [isPending, setPending] = useState(false);

  function open() {
    setOutcome(undefined);
    dialogRef.current?.showModal();
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = formText(form, 'title');
    setPending(true);
    const result = await sendSnippet('POST', '/api/v1/snippets', { title, notes: formText(form, 'notes'), body: text, kind, resourceId, recordingId, t });
    setPending(false);
    setOutcome(result.ok ? { ok: true, title: title.trim() } : result);
  }

  const fieldError = (name: string) => (outcome && !outcome.ok ? outcome.fields?.[name] : undefined);
  const unshownError = outcome && !outcome.ok && !fieldError('title') && !fieldError('notes') ? outcome.message : undefined;

  return (
    <>
      {look === 'icon' ? (
        <BookmarkButton label={`Save as snippet: ${suggestTitle(text)}`} onClick={open} />
      ) : (
        <Button variant="secondary" onClick={open}>
          Save as snippet
        </Button>
      )}
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-0 text-left text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:backdrop:bg-black/60"
      >
        <div className="space-y-4 p-5">
          <h2 id={titleId} className="text-base font-semibold">
            Save as snippet
          </h2>
          <pre className="max-h-32 overflow-auto rounded-md bg-zinc-100 px-3 py-2 font-mono text-xs whitespace-pre-wrap break-all dark:bg-zinc-950">{text}</pre>
          {outcome?.ok ? (
            <>
              <Alert tone="success">
                Saved “{outcome.title}”.{' '}
                <Link href="/snippets" className="font-medium underline">
                  Open my snippets
                </Link>
              </Alert>
              <div className="flex justify-end">
                <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
                  Close
                </Button>
              </div>
            </>
          ) : (
            // An error goes as soon as a field is edited: it would be stale after the fix.
            <form onSubmit={(event) => void save(event)} onInput={() => setOutcome(undefined)} noValidate className="space-y-3">
              <TextField label="Title" name="title" required maxLength={200} defaultValue={defaultTitle ?? suggestTitle(text)} error={fieldError('title')} />
              <TextAreaField
                label="Notes (optional, markdown)"
                name="notes"
                rows={4}
                maxLength={10_000}
                placeholder="When to use it, what to watch out for…"
                error={fieldError('notes')}
              />
              {unshownError ? <Alert tone="error">{unshownError}</Alert> : null}
              <div className="flex justify-end gap-2">
                <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
                  Cancel
                </Button>
                <Button type="submit" disabled={isPending}>
                  {isPending ? 'Saving…' : 'Save snippet'}
                </Button>
              </div>
            </form>
          )}
        </div>
      </dialog>
    </>
  );
}

/** The small trigger for dense rows; one per row, so its name says which command it keeps. */
function BookmarkButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={label}
      title="Save as snippet"
      className="shrink-0 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-indigo-300"
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
        <path d="M4 2.5h8v11l-4-2.75-4 2.75z" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
