'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { CopyButton } from '../ui/CopyButton';
import { TOKEN_PLACEHOLDER } from './curl-command';

/**
 * The request as a curl command through Porthole's proxy, shown so it can be read and copied:
 * `$PORTHOLE_TOKEN` stands for the engineer's own API token; the resource's credential is
 * Porthole's to add and appears nowhere.
 */
export function CurlPanel({ command, onClose }: { command: string; onClose: () => void }) {
  const [isCopied, setCopied] = useState(false);
  // Opened by "Copy as curl": copied at once where the clipboard allows it (HTTPS or localhost).
  const [first] = useState(command);
  useEffect(() => {
    navigator.clipboard?.writeText(first).then(
      () => setCopied(true),
      () => undefined,
    );
  }, [first]);
  return (
    <section aria-label="Copy as curl" className="shrink-0 border-b border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-start gap-2">
        <pre
          aria-label="curl command"
          tabIndex={0}
          className="max-h-40 min-w-0 flex-1 overflow-auto rounded border border-zinc-200 bg-white p-2 font-mono text-xs whitespace-pre-wrap text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
        >
          {command}
        </pre>
        <div className="flex shrink-0 flex-col gap-1">
          <CopyButton text={command} />
          <button
            type="button"
            onClick={onClose}
            className="rounded px-2 py-1 text-xs text-zinc-600 hover:bg-zinc-200 dark:text-zinc-400 dark:hover:bg-zinc-800"
          >
            Close
          </button>
        </div>
      </div>
      <p className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">
        {isCopied ? <span className="font-medium text-emerald-700 dark:text-emerald-400">Copied to the clipboard. </span> : null}
        Set <code className="font-mono">{TOKEN_PLACEHOLDER.slice(1)}</code> to one of your{' '}
        <Link href="/profile" className="text-indigo-700 underline dark:text-indigo-300">
          API tokens
        </Link>
        . Porthole adds the resource’s credential and records the exchange while your access lasts.
      </p>
    </section>
  );
}
