'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type RefObject } from 'react';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Alert } from '../ui/Alert';
import { Button } from '../ui/Button';
import { inputClass } from '../ui/Field';
import { isTypingTarget } from '../ui/is-typing-target';
import { formatMinutes } from './format';
import { InboxList } from './InboxList';
import type { DecisionState, InboxDetail, InboxItem } from './inbox-types';
import { RequestFacts } from './RequestFacts';
import { RequestStatusBadge } from './RequestStatusBadge';
import { NotRecordedNotice } from '../resources/NotRecordedNotice';

export type { DecisionState, InboxDetail, InboxItem } from './inbox-types';

type Decide = (requestId: string, comment: string) => Promise<DecisionState>;

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

  useInboxKeys({ items, index, selectedId: selected?.id, go, decide, commentRef });

  return (
    <div className="grid min-h-[24rem] grid-cols-1 gap-4 lg:grid-cols-[20rem_1fr]">
      {result?.outcome?.ok && result.outcome.message ? (
        <div className="lg:col-span-2">
          <Alert tone="success">{result.outcome.message}</Alert>
        </div>
      ) : null}
      <InboxList items={items} selectedId={selected?.id} />
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
          {selected.resource.isRecorded ? null : <NotRecordedNotice variant="card" />}
          <RequestFacts request={selected} approvalsCount={approvalsCount} />
          {canDecide ? (
            <DecisionForm commentRef={commentRef} isPending={isPending} decide={decide} />
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

function DecisionForm({
  commentRef,
  isPending,
  decide,
}: {
  commentRef: RefObject<HTMLTextAreaElement | null>;
  isPending: boolean;
  decide: (verb: 'approve' | 'deny') => void;
}) {
  return (
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
  );
}

/** j/k move, a approves, d denies, c focuses the comment; keys typed into a field are the field's (Escape leaves it). */
function useInboxKeys({
  items,
  index,
  selectedId,
  go,
  decide,
  commentRef,
}: {
  items: InboxItem[];
  index: number;
  selectedId: string | undefined;
  go: (id: string | undefined) => void;
  decide: (verb: 'approve' | 'deny') => void;
  commentRef: RefObject<HTMLTextAreaElement | null>;
}) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTypingTarget(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if (event.key === 'j' || event.key === 'k') {
        const target = items[Math.min(items.length - 1, Math.max(0, index + (event.key === 'j' ? 1 : -1)))];
        if (target && target.id !== selectedId) go(target.id);
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
}
