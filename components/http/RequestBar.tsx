'use client';

import { HTTP_METHODS, type HttpMethod } from '@/lib/protocol/http-protocol';
import type { RequestDraft } from './request-draft';

/**
 * Method, the path after the resource's base URL (shown as a prefix), Send, and Copy as curl.
 * Enter in the path sends, as Ctrl/Cmd+Enter does anywhere in the request.
 */
export function RequestBar({
  draft,
  baseUrl,
  canSend,
  onChange,
  onSend,
  onCopyCurl,
  isCurlOpen,
}: {
  draft: RequestDraft;
  baseUrl?: string;
  canSend: boolean;
  onChange: (patch: Partial<RequestDraft>) => void;
  onSend: () => void;
  onCopyCurl: () => void;
  isCurlOpen: boolean;
}) {
  const prefix = baseUrl?.replace(/\/+$/, '');
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 p-2 sm:flex-nowrap dark:border-zinc-800">
      <select
        aria-label="Method"
        value={draft.method}
        onChange={(e) => onChange({ method: e.target.value as HttpMethod })}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs font-semibold text-zinc-900 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
      >
        {HTTP_METHODS.map((method) => (
          <option key={method}>{method}</option>
        ))}
      </select>
      <div className="flex min-w-0 flex-1 basis-48 items-center rounded-md border border-zinc-300 bg-white focus-within:border-indigo-500 dark:border-zinc-700 dark:bg-zinc-950">
        {prefix ? (
          <span
            className="hidden max-w-[45%] shrink-0 truncate border-r sm:block border-zinc-200 bg-zinc-50 px-2 py-1.5 font-mono text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400"
            title={`Requests go to ${prefix}/…`}
          >
            {prefix}
          </span>
        ) : null}
        <input
          aria-label="Path"
          value={draft.path}
          spellCheck={false}
          autoComplete="off"
          placeholder="/v1/items"
          onChange={(e) => onChange({ path: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              onSend();
            }
          }}
          className="min-w-0 flex-1 bg-transparent px-2 py-1.5 font-mono text-xs text-zinc-900 focus:outline-none dark:text-zinc-100"
        />
      </div>
      <button
        type="button"
        disabled={!canSend}
        onClick={onSend}
        title="Send the request (Ctrl/Cmd+Enter)"
        className="inline-flex items-center gap-1 rounded-md bg-indigo-600 px-3 py-1.5 text-xs font-medium text-white hover:bg-indigo-500 disabled:bg-indigo-400 dark:disabled:bg-indigo-900"
      >
        <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
          <path d="M2 2.5l12 5.5-12 5.5 2-5.5z" />
        </svg>
        Send
      </button>
      <button
        type="button"
        aria-expanded={isCurlOpen}
        onClick={onCopyCurl}
        className="rounded-md border border-zinc-300 px-2.5 py-1.5 text-xs font-medium text-zinc-800 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-900"
      >
        Copy as curl
      </button>
    </div>
  );
}
