'use client';

import { useState } from 'react';
import { Button } from '../ui/Button';
import { CopyButton } from '../ui/CopyButton';

export type OfferedSnippet = { title: string; body: string };

/**
 * A strip over the terminal offering a saved snippet: one click puts it at the prompt, and
 * the user presses Enter (or edits it first). Nothing runs by itself.
 */
export function SnippetPasteBar({ snippet, isReady, paste }: { snippet: OfferedSnippet; isReady: boolean; paste: (text: string) => boolean }) {
  const [state, setState] = useState<'offered' | 'done' | 'refused'>('offered');
  if (state === 'done') return null;
  return (
    <div
      role="region"
      aria-label="Saved snippet"
      className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1.5 border-b border-indigo-200 bg-indigo-50 px-3 py-1.5 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100"
    >
      {/* On a phone the command gets its own line, the buttons the next. */}
      <div className="flex min-w-0 basis-full items-baseline gap-2 sm:basis-0 sm:flex-1">
        <span className="shrink-0 font-medium">{snippet.title}</span>
        <code className="min-w-0 flex-1 truncate rounded bg-white/70 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-900/70" title={snippet.body}>
          {snippet.body}
        </code>
      </div>
      <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-2">
        {state === 'refused' ? (
          <>
            <span role="alert" className="text-xs">
              It has several lines and this shell would run each one as it arrives: copy it and paste it where you want it.
            </span>
            <CopyButton text={snippet.body} />
          </>
        ) : (
          <Button onClick={() => setState(paste(snippet.body) ? 'done' : 'refused')} disabled={!isReady} title={isReady ? undefined : 'Waiting for the shell'}>
            Paste into the terminal
          </Button>
        )}
        <Button variant="ghost" onClick={() => setState('done')}>
          Dismiss
        </Button>
      </div>
    </div>
  );
}
