'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '../ui/Button';
import { formatClock, parseTimeParam } from '../replay/replay-format';
import { formAlert } from '../ui/form-state';

export type NoteDraft = { t: number; endT: number | null; body: string; tags: string[]; isShared: boolean };
export type NoteSaveResult = { ok: true } | { ok: false; message: string; fields?: Record<string, string[]> };

/** The fields this form shows errors next to; anything else goes above the buttons. */
const NOTE_FIELDS = ['t', 'endT', 'body', 'tags'];

const inputClass =
  'w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm shadow-xs focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950';

/** Add or edit a note: at a moment, or over a range (start … end), with tags and sharing. */
export function NoteForm({
  initial,
  currentTime,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: NoteDraft;
  currentTime: number;
  submitLabel: string;
  onSave: (draft: NoteDraft) => Promise<NoteSaveResult>;
  onCancel?: () => void;
}) {
  const id = useId();
  const { start, setStart, end, setEnd, body, setBody, tags, setTags, isShared, setIsShared, isSaving, error, submit } = useNoteDraft(
    initial,
    onSave,
    onCancel,
  );
  const fieldError = (name: string) => error?.fields?.[name]?.[0];
  const alert = formAlert(error ? { ok: false, ...error } : undefined, (name) => NOTE_FIELDS.includes(name));

  return (
    <form onSubmit={(event) => void submit(event)} aria-label={submitLabel} className="space-y-2" noValidate>
      <NoteTimes
        id={id}
        start={start}
        end={end}
        onStart={setStart}
        onEnd={setEnd}
        currentTime={currentTime}
        startError={fieldError('t')}
        endError={fieldError('endT')}
      />
      <label htmlFor={`${id}-body`} className="sr-only">
        Note
      </label>
      <textarea
        id={`${id}-body`}
        aria-label="Note"
        aria-invalid={Boolean(fieldError('body'))}
        aria-describedby={fieldError('body') ? `${id}-body-error` : undefined}
        rows={3}
        className={inputClass}
        placeholder="What happened here? Markdown works: **bold**, `code`, [links](https://…)"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          // Typing in the note must not drive the player.
          e.stopPropagation();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
      />
      <FieldError id={`${id}-body-error`} message={fieldError('body')} />
      <input
        aria-label="Tags"
        aria-invalid={Boolean(fieldError('tags'))}
        aria-describedby={fieldError('tags') ? `${id}-tags-error` : undefined}
        className={inputClass}
        placeholder="Tags, comma separated"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
      />
      <FieldError id={`${id}-tags-error`} message={fieldError('tags')} />
      <NoteFormFooter isShared={isShared} onShared={setIsShared} isSaving={isSaving} submitLabel={submitLabel} onCancel={onCancel} />
      {alert ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {alert}
        </p>
      ) : null}
    </form>
  );
}

/** When the note starts and (for a range) ends, typed or taken from the player. */
function NoteTimes({
  id,
  start,
  end,
  onStart,
  onEnd,
  currentTime,
  startError,
  endError,
}: {
  id: string;
  start: string;
  end: string;
  onStart: (value: string) => void;
  onEnd: (value: string) => void;
  currentTime: number;
  startError: string | undefined;
  endError: string | undefined;
}) {
  return (
    <>
      <div className="flex flex-wrap items-end gap-2">
        <label className="w-24 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          At
          <input
            aria-label="Note time"
            aria-invalid={Boolean(startError)}
            aria-describedby={startError ? `${id}-time-error` : undefined}
            className={`${inputClass} font-mono`}
            value={start}
            onChange={(e) => onStart(e.target.value)}
          />
        </label>
        <label className="w-24 text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Until <span className="font-normal">(optional)</span>
          <input
            aria-label="Note end time"
            aria-invalid={Boolean(endError)}
            aria-describedby={endError ? `${id}-time-error` : undefined}
            className={`${inputClass} font-mono`}
            placeholder="—"
            value={end}
            onChange={(e) => onEnd(e.target.value)}
          />
        </label>
        <div className="flex gap-1 pb-0.5">
          <Button variant="ghost" className="px-2 text-xs" onClick={() => onStart(formatClock(currentTime, true))}>
            Start here
          </Button>
          <Button variant="ghost" className="px-2 text-xs" onClick={() => onEnd(formatClock(currentTime, true))}>
            End here
          </Button>
        </div>
      </div>
      <FieldError id={`${id}-time-error`} message={startError ?? endError} />
    </>
  );
}

/** Sharing, and save / cancel. */
function NoteFormFooter({
  isShared,
  onShared,
  isSaving,
  submitLabel,
  onCancel,
}: {
  isShared: boolean;
  onShared: (isShared: boolean) => void;
  isSaving: boolean;
  submitLabel: string;
  onCancel: (() => void) | undefined;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <label className="flex items-center gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <input type="checkbox" checked={isShared} onChange={(e) => onShared(e.target.checked)} className="rounded border-zinc-300 dark:border-zinc-700" />
        Share with the recording’s other viewers
      </label>
      <div className="flex gap-2">
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={isSaving}>
          {isSaving ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </div>
  );
}

/** The form's fields and its submit: times parsed (a clear error when they do not parse), then saved; a new note's text is cleared after. */
function useNoteDraft(initial: NoteDraft, onSave: (draft: NoteDraft) => Promise<NoteSaveResult>, onCancel: (() => void) | undefined) {
  const [start, setStart] = useState(formatClock(initial.t, true));
  const [end, setEnd] = useState(initial.endT === null ? '' : formatClock(initial.endT, true));
  const [body, setBody] = useState(initial.body);
  const [tags, setTags] = useState(initial.tags.join(', '));
  const [isShared, setIsShared] = useState(initial.isShared);
  const [isSaving, setIsSaving] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The field shows tenths; a time left as shown keeps its exact value, so a note taken at a
    // statement's moment opens at that moment, not up to 0.1 s before it.
    const exactOr = (typed: string, exact: number | null) => (exact !== null && typed === formatClock(exact, true) ? exact : parseTimeParam(typed));
    const t = exactOr(start.trim(), initial.t);
    const endT = end.trim() === '' ? null : exactOr(end.trim(), initial.endT);
    if (t === undefined || endT === undefined) {
      setError({ message: 'Times look like 1:23.5 or 83.5.', fields: { [t === undefined ? 't' : 'endT']: ['Times look like 1:23.5 or 83.5'] } });
      return;
    }
    setIsSaving(true);
    const result = await onSave({ t, endT, body, tags: tags.split(/[,\s]+/).filter(Boolean), isShared });
    setIsSaving(false);
    if (result.ok) {
      setError(null);
      if (!onCancel) {
        setBody('');
        setEnd('');
      }
    } else setError({ message: result.message, fields: result.fields });
  }

  return { start, setStart, end, setEnd, body, setBody, tags, setTags, isShared, setIsShared, isSaving, error, submit };
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} role="alert" className="text-xs text-red-600 dark:text-red-400">
      {message}
    </p>
  ) : null;
}
