'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { formText } from '@/lib/form-data';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { TextAreaField, TextField } from '../ui/Field';
import { sendSnippet, type SnippetApiResult } from './snippet-api';

const FIELDS = ['title', 'body', 'notes'];

/** Edits a snippet in place: title, the command itself, notes. */
export function SnippetEditForm({ snippet, onDone }: { snippet: SnippetView; onDone: () => void }) {
  const router = useRouter();
  const [result, setResult] = useState<SnippetApiResult>();
  const [isPending, setPending] = useState(false);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    const outcome = await sendSnippet('PATCH', `/api/v1/snippets/${snippet.id}`, {
      title: formText(form, 'title'),
      body: formText(form, 'body'),
      notes: formText(form, 'notes'),
    });
    setPending(false);
    setResult(outcome);
    if (outcome.ok) {
      onDone();
      router.refresh();
    }
  }

  const fieldError = (name: string) => (result && !result.ok ? result.fields?.[name] : undefined);
  const unshown = result && !result.ok && !FIELDS.some((name) => fieldError(name)) ? result.message : undefined;
  return (
    <form onSubmit={(event) => void save(event)} noValidate className="space-y-3" aria-label={`Edit ${snippet.title}`}>
      <TextField label="Title" name="title" required maxLength={200} defaultValue={snippet.title} error={fieldError('title')} />
      <TextAreaField
        label={snippet.kind === 'sql' ? 'Statement' : 'Command'}
        name="body"
        required
        rows={3}
        defaultValue={snippet.body}
        error={fieldError('body')}
      />
      <TextAreaField label="Notes (markdown)" name="notes" rows={4} defaultValue={snippet.notes} error={fieldError('notes')} />
      {unshown ? <Alert tone="error">{unshown}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={isPending}>
          {isPending ? 'Saving…' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
