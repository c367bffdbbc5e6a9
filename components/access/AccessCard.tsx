import Link from 'next/link';
import { ConnectButton } from '../resources/ConnectButton';
import { PodPicker } from '../kubernetes/PodPicker';
import { OpenConsoleButton } from '../sql/OpenConsoleButton';
import type { FormState } from '../ui/form-state';
import { ActionButton } from './ActionButton';
import { Countdown } from './Countdown';
import { formatClock, formatMinutes } from './format';
import { LiveRefresh } from './LiveRefresh';
import { PolicySummary, type PolicySummaryProps } from './PolicySummary';
import { RequestAccessForm } from './RequestAccessForm';
import { RequestStatusBadge } from './RequestStatusBadge';
import type { ResourceType } from '@/lib/resources/resource-types';

type RequestSummary = {
  id: string;
  status: 'pending' | 'approved' | 'denied' | 'cancelled' | 'expired' | 'revoked';
  durationMinutes: number;
  approvalsCount: number;
  approvalsRequired: number;
  decisions: { approverName: string; decision: 'approve' | 'deny'; comment: string }[];
};

export type AccessCardProps = {
  resource: { id: string; name: string; type: ResourceType; accessMode: 'open' | 'approval'; allowedRoles: string[] };
  access: {
    canConnect: boolean;
    via: 'open' | 'grant' | null;
    grantExpiresAt: string | null;
    /** The grant is in its last 30 minutes, nothing is pending and the policy allows longer: more time may be asked for. */
    mayAskForMore: boolean;
    /** Whole minutes left in the grant: more time means longer than this. */
    grantMinutesLeft: number | null;
    current: RequestSummary | null;
    last: RequestSummary | null;
    policy: PolicySummaryProps | null;
  };
  requestAction: (prev: FormState, form: FormData) => Promise<FormState>;
  cancelAction?: () => Promise<FormState>;
};

/** The resource page's "Your access" card: connect, time left, pending request, or the request form. */
export function AccessCard({ resource, access, requestAction, cancelAction }: AccessCardProps) {
  const { current, last, policy } = access;
  const connect =
    resource.type === 'ssh' ? (
      <ConnectButton resourceId={resource.id} />
    ) : resource.type === 'kubernetes' ? (
      <PodPicker resourceId={resource.id} />
    ) : (
      <OpenConsoleButton resourceId={resource.id} pagePrefix={resource.type === 'http' ? '/http' : '/sql'} />
    );
  const state = access.canConnect
    ? access.via === 'grant'
      ? 'active'
      : 'open'
    : current?.status === 'pending'
      ? 'pending'
      : resource.accessMode === 'open'
        ? 'no-role'
        : 'none';

  return (
    <section aria-labelledby="your-access" data-testid="access-card" data-status={state} className="space-y-3">
      <LiveRefresh on="requests" resourceId={resource.id} />
      <h2 id="your-access" className="text-sm font-semibold">
        Your access
      </h2>
      {state === 'open' ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-300">You can connect to this resource directly.</p>
          {connect}
        </>
      ) : null}
      {state === 'no-role' ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          This resource is open to {resource.allowedRoles.join(', ')} only. Ask an admin if you need it.
        </p>
      ) : null}
      {state === 'active' && access.grantExpiresAt ? (
        <>
          <p className="text-sm text-zinc-700 dark:text-zinc-200">
            Access granted until <strong>{formatClock(access.grantExpiresAt)}</strong> ·{' '}
            <span data-testid="grant-remaining">
              <Countdown until={access.grantExpiresAt} />
            </span>
          </p>
          {connect}
          {access.mayAskForMore && policy ? <AskForMoreTime policy={policy} longerThanMinutes={access.grantMinutesLeft ?? 0} action={requestAction} /> : null}
        </>
      ) : null}
      {/* Pending on its own, or more time asked for while the grant runs. */}
      {(state === 'pending' || state === 'active') && current?.status === 'pending' ? (
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-700 dark:text-zinc-200">
            <RequestStatusBadge status="pending" /> Your request for {formatMinutes(current.durationMinutes)} is waiting for approval ({current.approvalsCount}{' '}
            of {current.approvalsRequired}).
          </p>
          <div className="flex items-center gap-3">
            {cancelAction ? <ActionButton label="Cancel request" pendingLabel="Cancelling…" action={cancelAction} /> : null}
            <Link href="/requests" className="text-sm text-indigo-600 underline dark:text-indigo-400">
              My requests
            </Link>
          </div>
        </div>
      ) : null}
      {state === 'none' && policy ? (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-300">
            Access to this resource needs an approved request: <PolicySummary policy={policy} />.
          </p>
          {last && last.status !== 'approved' ? <LastOutcome request={last} /> : null}
          <RequestAccessForm maxDurationMinutes={policy.maxDurationMinutes} isReasonRequired={policy.isReasonRequired} action={requestAction} />
        </>
      ) : null}
    </section>
  );
}

/** In a grant's last 30 minutes: a request for more, whose grant starts when approved; open sessions go on under it. */
function AskForMoreTime({
  policy,
  longerThanMinutes,
  action,
}: {
  policy: PolicySummaryProps;
  longerThanMinutes: number;
  action: AccessCardProps['requestAction'];
}) {
  return (
    <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <h3 className="text-sm font-medium">Need more time?</h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Ask before this grant ends, for longer than is left: once approved, the new grant starts and your open sessions go on under it.
      </p>
      <RequestAccessForm
        maxDurationMinutes={policy.maxDurationMinutes}
        longerThanMinutes={longerThanMinutes}
        isReasonRequired={policy.isReasonRequired}
        action={action}
        submitLabel="Ask for more time"
      />
    </div>
  );
}

function LastOutcome({ request }: { request: RequestSummary }) {
  const deny = request.decisions.find((d) => d.decision === 'deny');
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-300">
      Your last request: <RequestStatusBadge status={request.status} />
      {deny ? (
        <span>
          by {deny.approverName}
          {deny.comment ? `: “${deny.comment}”` : ''}
        </span>
      ) : null}
    </p>
  );
}
