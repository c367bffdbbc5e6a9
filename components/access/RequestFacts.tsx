import { RelativeTime } from '@/components/ui/RelativeTime';
import { formatClock, formatMinutes } from './format';
import type { InboxDetail } from './inbox-types';
import { PolicySummary } from './PolicySummary';

/** What an approver weighs: why, the ticket, how long, who decided so far, the policy and recent sessions. */
export function RequestFacts({ request: selected, approvalsCount }: { request: InboxDetail; approvalsCount: number }) {
  return (
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
      {selected.requesterAccessUntil ? (
        <>
          <dt className="text-zinc-500">Access now</dt>
          <dd data-testid="requester-access-until">
            Until {formatClock(selected.requesterAccessUntil)} (<RelativeTime iso={selected.requesterAccessUntil} />
            ): this asks for more time, from approval
          </dd>
        </>
      ) : null}
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
  );
}
