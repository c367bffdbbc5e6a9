'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { RelativeTime } from '../admin/RelativeTime';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { inputClass } from '../ui/Field';
import type { FormState } from '../ui/form-state';
import { formatMinutes } from './format';
import { PolicySummary, type PolicySummaryProps } from './PolicySummary';
import { RequestStatusBadge } from './RequestStatusBadge';

export type InboxItem = {
  id: string;
  requesterName: string;
  resourceName: string;
  durationMinutes: number;
  createdAt: string;
  approvalsCount: number;
  approvalsRequired: number;
};

export type InboxDetail = {
  id: string;
  status: 'pending' | 'approved' | 'denied' | 'cancelled' | 'expired' | 'revoked';
  resource: { id: string; name: string; type: string };
  requester: { name: string; email: string };
  durationMinutes: number;
  reason: string;
  ticketUrl: string | null;
  createdAt: string;
  pendingUntil: string;
  approvalsCount: number;
  approvalsRequired: number;
  decisions: { approverId: string; approverName: string; decision: 'approve' | 'deny'; comment: string; createdAt: string }[];
  policy: PolicySummaryProps;
  canDecide: boolean;
  recentSessions: { id: string; status: string; createdAt: string; startedAt: string | null; endedAt: string | null }[];
};

/** An approve or deny action's answer: on success, what the request became. */
export type DecisionState = (NonNullable<FormState> & { decision?: { status: 'pending' | 'approved' | 'denied'; approvalsCount?: number } }) | undefined;

type Decide = (requestId: string, comment: string) => Promise<DecisionState>;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * List on the left, details on the right. Keys: j/k move, a approves, d denies, c focuses the
 * comment (Escape leaves it). The selection lives in the URL (?id=), so reloads keep it.
 */
export function ApprovalsInbox({ items, selected, approve, deny }: { items: InboxItem[]; selected: InboxDetail | null; approve: Decide; deny: Decide }) {
  const router = useRouter();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const [result, setResult] = useState<{ requestId: string; outcome: DecisionState }>();
  const [isPending, startTransition] = useTransition();
  const index = selected ? items.findIndex((item) => item.id === selected.id) : -1;
  // My decision shows in the pane as soon as the action answers, before the page re-renders;
  // once the server says the request is closed, that wins.
  const decided = selected && result?.requestId === selected.id && selected.status === 'pending' ? result.outcome?.decision : undefined;
  const status = decided?.status ?? selected?.status;
  const approvalsCount = Math.max(decided?.approvalsCount ?? 0, selected?.approvalsCount ?? 0);
  const canDecide = Boolean(selected?.canDecide && !decided);

  const go = (id: string | undefined) => router.replace(id ? `/approvals?id=${id}` : '/approvals', { scroll: false });

  function decide(verb: 'approve' | 'deny') {
    if (!selected || !canDecide || isPending) return;
    const comment = commentRef.current?.value ?? '';
    startTransition(async () => {
      const outcome = await (verb === 'approve' ? approve : deny)(selected.id, comment);
      setResult({ requestId: selected.id, outcome });
      if (outcome?.ok) {
        if (commentRef.current) commentRef.current.value = '';
        // Stay on the decided request so the pane shows the decision (j/k move on): the URL
        // names it, since without ?id= the page would select the next one in its place.
        go(selected.id);
        router.refresh();
      }
    });
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if (event.key === 'j' || event.key === 'k') {
        const target = items[Math.min(items.length - 1, Math.max(0, index + (event.key === 'j' ? 1 : -1)))];
        if (target && target.id !== selected?.id) go(target.id);
      } else if (event.key === 'a') decide('approve');
      else if (event.key === 'd') decide('deny');
      else if (event.key === 'c') {
        event.preventDefault();
        commentRef.current?.focus();
      } else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="grid min-h-[24rem] grid-cols-1 gap-4 lg:grid-cols-[20rem_1fr]">
      {result?.outcome?.ok && result.outcome.message ? (
        <div className="lg:col-span-2">
          <Alert tone="success">{result.outcome.message}</Alert>
        </div>
      ) : null}
      <div>
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-200 px-3 py-2.5 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            Nothing else waits for your decision.
          </p>
        ) : null}
        <ul
          hidden={items.length === 0}
          aria-label="Requests awaiting your decision"
          className="divide-y divide-zinc-100 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
        >
          {items.map((item) => {
            const isSelected = item.id === selected?.id;
            return (
              <li key={item.id}>
                <Link
                  href={`/approvals?id=${item.id}`}
                  replace
                  scroll={false}
                  aria-current={isSelected ? 'true' : undefined}
                  className={`block px-3 py-2.5 text-sm ${isSelected ? 'bg-indigo-50 dark:bg-indigo-950/40' : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/40'}`}
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="truncate font-medium">{item.requesterName}</span>
                    <span className="shrink-0 text-xs text-zinc-600 dark:text-zinc-400">
                      <RelativeTime iso={item.createdAt} />
                    </span>
                  </span>
                  <span className="block truncate text-xs text-zinc-600 dark:text-zinc-400">
                    {item.resourceName} · {formatMinutes(item.durationMinutes)}
                    {item.approvalsRequired > 1 ? ` · ${item.approvalsCount}/${item.approvalsRequired}` : ''}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
        <p className="mt-2 hidden text-xs text-zinc-500 md:block dark:text-zinc-400">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> approve · <kbd>d</kbd> deny · <kbd>c</kbd> comment
        </p>
      </div>
      {selected ? (
        <article
          aria-label={`Request from ${selected.requester.name}`}
          data-request-id={selected.id}
          data-status={status}
          className="space-y-4 rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <header className="flex flex-wrap items-start justify-between gap-2">
            <div>
              <h2 className="text-base font-semibold">
                {selected.requester.name} wants {formatMinutes(selected.durationMinutes)} on{' '}
                <Link href={`/resources/${selected.resource.id}`} className="text-indigo-600 underline underline-offset-2 dark:text-indigo-400">
                  {selected.resource.name}
                </Link>
              </h2>
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                {selected.requester.email} · requested <RelativeTime iso={selected.createdAt} />
              </p>
            </div>
            <RequestStatusBadge status={status ?? selected.status} />
          </header>
          <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
            <dt className="text-zinc-500">Why</dt>
            <dd className="whitespace-pre-wrap">{selected.reason || <span className="text-zinc-400">No reason given</span>}</dd>
            {selected.ticketUrl ? (
              <>
                <dt className="text-zinc-500">Ticket</dt>
                <dd>
                  <a href={selected.ticketUrl} target="_blank" rel="noreferrer noopener" className="break-all text-indigo-600 underline dark:text-indigo-400">
                    {selected.ticketUrl}
                  </a>
                </dd>
              </>
            ) : null}
            <dt className="text-zinc-500">Duration</dt>
            <dd className="tabular-nums">{formatMinutes(selected.durationMinutes)}</dd>
            <dt className="text-zinc-500">Approvals</dt>
            <dd>
              {approvalsCount} of {selected.approvalsRequired}
              {selected.decisions.length > 0 ? (
                <ul className="mt-1 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-300">
                  {selected.decisions.map((d) => (
                    <li key={d.approverId}>
                      {d.approverName} {d.decision === 'approve' ? 'approved' : 'denied'}
                      {d.comment ? `: “${d.comment}”` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
            </dd>
            <dt className="text-zinc-500">Policy</dt>
            <dd className="text-zinc-600 dark:text-zinc-300">
              <PolicySummary policy={selected.policy} />
            </dd>
            <dt className="text-zinc-500">Recent sessions</dt>
            <dd>
              {selected.recentSessions.length === 0 ? (
                <span className="text-zinc-400">None on this resource</span>
              ) : (
                <ul className="space-y-0.5 text-xs">
                  {selected.recentSessions.map((s) => (
                    <li key={s.id}>
                      <RelativeTime iso={s.startedAt ?? s.createdAt} /> · {s.status}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {canDecide ? (
            <div className="space-y-2 border-t border-zinc-100 pt-4 dark:border-zinc-800">
              <label htmlFor="decision-comment" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
                Comment (optional)
              </label>
              <textarea id="decision-comment" ref={commentRef} rows={2} maxLength={1000} className={inputClass} placeholder="Shown to the requester" />
              <div className="flex gap-2">
                <Button onClick={() => decide('approve')} disabled={isPending} aria-keyshortcuts="a">
                  Approve
                </Button>
                <Button variant="danger" onClick={() => decide('deny')} disabled={isPending} aria-keyshortcuts="d">
                  Deny
                </Button>
              </div>
            </div>
          ) : (
            <p className="border-t border-zinc-100 pt-4 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              {status === 'pending' ? 'You have decided on this request; it waits for other approvers.' : 'This request is closed.'}
              {index === -1 && items.length > 0 ? (
                <>
                  {' '}
                  Press <kbd>j</kbd> for the next request.
                </>
              ) : null}
            </p>
          )}
          {result && !result.outcome?.ok && result.requestId === selected.id && result.outcome?.message ? (
            <Alert tone="error">{result.outcome.message}</Alert>
          ) : null}
        </article>
      ) : null}
    </div>
  );
}
