'use client';

import { useState } from 'react';
import type { ReplayNote } from '@/lib/recording/replay-types';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { Badge } from '../ui/PageHeader';
import { Button } from '../ui/Button';
import { formatClock } from '../replay/replay-format';
import type { FormState } from '../ui/form-state';
import { Markdown } from './Markdown';
import { NoteForm, type NoteDraft, type NoteSaveResult } from './NoteForm';

export type NoteActions = {
  save: (
    noteId: string | null,
    draft: NoteDraft,
  ) => Promise<{ ok: true; notes: ReplayNote[] } | { ok: false; message: string; fields?: Record<string, string[]> }>;
  remove: (noteId: string) => Promise<{ ok: true; notes: ReplayNote[] } | { ok: false; message: string }>;
};

/** Notes on the recording: mine and shared ones, in timeline order; add, edit, delete mine. */
export function NotesPanel({
  notes,
  currentTime,
  actions,
  onNotesChange,
  onSeek,
}: {
  notes: ReplayNote[];
  currentTime: number;
  actions: NoteActions;
  onNotesChange: (notes: ReplayNote[]) => void;
  onSeek: (t: number) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [isAdding, setIsAdding] = useState(false);

  const save =
    (noteId: string | null) =>
    async (draft: NoteDraft): Promise<NoteSaveResult> => {
      const result = await actions.save(noteId, draft);
      if (!result.ok) return result;
      onNotesChange(result.notes);
      setEditing(null);
      setIsAdding(false);
      return { ok: true };
    };

  async function remove(noteId: string) {
    const result = await actions.remove(noteId);
    if (!result.ok) return result;
    onNotesChange(result.notes);
    return { ok: true };
  }

  return (
    <div className="space-y-3 p-3">
      {isAdding ? (
        <NoteForm
          initial={{ t: currentTime, endT: null, body: '', tags: [], isShared: false }}
          currentTime={currentTime}
          submitLabel="Save note"
          onSave={save(null)}
          onCancel={() => setIsAdding(false)}
        />
      ) : (
        <Button variant="secondary" className="w-full" onClick={() => setIsAdding(true)}>
          Add a note at {formatClock(currentTime)}
        </Button>
      )}
      {notes.length === 0 ? (
        <p className="py-4 text-center text-sm text-zinc-500 dark:text-zinc-400">No notes yet. Pause where something matters and add one.</p>
      ) : (
        <ol aria-label="Notes" className="space-y-2">
          {notes.map((note) => (
            <li key={note.id} data-testid="note" className="rounded-md border border-zinc-200 p-2.5 dark:border-zinc-800">
              {editing === note.id ? (
                <NoteForm initial={note} currentTime={currentTime} submitLabel="Save changes" onSave={save(note.id)} onCancel={() => setEditing(null)} />
              ) : (
                <NoteView note={note} onSeek={onSeek} onEdit={() => setEditing(note.id)} onRemove={() => remove(note.id)} />
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** One note as read: its moment (a jump), author, sharing, tags, the text, and Edit/Delete on mine. */
function NoteView({
  note,
  onSeek,
  onEdit,
  onRemove,
}: {
  note: ReplayNote;
  onSeek: (t: number) => void;
  onEdit: () => void;
  onRemove: () => Promise<FormState | void>;
}) {
  return (
    <>
      <div className="mb-1 flex flex-wrap items-center gap-1.5 text-xs">
        <button
          type="button"
          onClick={() => onSeek(note.t)}
          className="font-mono text-indigo-700 hover:underline dark:text-indigo-400"
          aria-label={`Jump to ${formatClock(note.t)}`}
        >
          {formatClock(note.t)}
          {note.endT !== null ? `–${formatClock(note.endT)}` : ''}
        </button>
        {!note.isMine ? <span className="text-zinc-500 dark:text-zinc-400">by {note.authorName}</span> : null}
        {note.isShared ? <Badge tone="indigo">shared</Badge> : null}
        {note.tags.map((tag) => (
          <Badge key={tag}>#{tag}</Badge>
        ))}
      </div>
      <Markdown source={note.body} />
      {note.isMine ? (
        <div className="mt-1.5 flex gap-1">
          <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={onEdit}>
            Edit
          </Button>
          <ConfirmButton
            label="Delete"
            title="Delete this note?"
            description="It is removed for everyone it was shared with. This cannot be undone."
            variant="ghost"
            action={onRemove}
          />
        </div>
      ) : null}
    </>
  );
}
