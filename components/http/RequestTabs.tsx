'use client';

import dynamic from 'next/dynamic';
import { KeyValueRows } from './KeyValueRows';
import { hasBody, type RequestDraft } from './request-draft';

// Monaco loads when the body is first shown, not with the console (most requests are GETs).
const BodyEditor = dynamic(() => import('./BodyEditor'), {
  ssr: false,
  loading: () => <span className="block p-3 text-xs text-zinc-500">Loading editor…</span>,
});

export const REQUEST_TABS = ['Params', 'Headers', 'Body'] as const;
export type RequestTab = (typeof REQUEST_TABS)[number];

/** The request's query parameters, headers and JSON body, one tab at a time. */
export function RequestTabs({
  draft,
  tab,
  isDark,
  onTab,
  onChange,
  onSend,
}: {
  draft: RequestDraft;
  tab: RequestTab;
  isDark: boolean;
  onTab: (tab: RequestTab) => void;
  onChange: (patch: Partial<RequestDraft>) => void;
  onSend: () => void;
}) {
  const count = (name: RequestTab) => (name === 'Params' ? draft.params.length : name === 'Headers' ? draft.headers.length : 0);
  return (
    <section aria-label="Request" className="flex min-h-0 flex-1 flex-col">
      <div role="tablist" aria-label="Request parts" className="flex h-9 shrink-0 items-end gap-1 border-b border-zinc-200 px-2 dark:border-zinc-800">
        {REQUEST_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => onTab(name)}
            className={`px-2.5 py-1.5 text-xs font-medium ${tab === name ? 'border-b-2 border-indigo-600 text-zinc-900 dark:text-zinc-100' : 'text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200'}`}
          >
            {name}
            {count(name) > 0 ? <span className="ml-1 text-zinc-400">{count(name)}</span> : null}
            {name === 'Body' && draft.body.trim() && hasBody(draft.method) ? (
              <span aria-label="(has a body)" className="ml-1 text-indigo-500">
                •
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab} className="min-h-0 flex-1 overflow-auto">
        {tab === 'Params' ? (
          <KeyValueRows rows={draft.params} noun="Parameter" namePlaceholder="name" onChange={(params) => onChange({ params })} onSend={onSend} />
        ) : null}
        {tab === 'Headers' ? (
          <>
            <p className="px-3 pt-3 text-xs text-zinc-500 dark:text-zinc-400">Porthole adds the resource’s credential itself: you never type or see it.</p>
            <KeyValueRows rows={draft.headers} noun="Header" namePlaceholder="Accept" onChange={(headers) => onChange({ headers })} onSend={onSend} />
          </>
        ) : null}
        {tab === 'Body' ? (
          <div className="flex h-full min-h-48 flex-col">
            {hasBody(draft.method) ? null : (
              <p className="border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                A {draft.method} request carries no body: choose POST, PUT or PATCH to send this.
              </p>
            )}
            <div className="min-h-0 flex-1">
              <BodyEditor value={draft.body} isDark={isDark} onChange={(body) => onChange({ body })} onSend={onSend} />
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
