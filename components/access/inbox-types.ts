import type { FormState } from '../ui/form-state';
import type { PolicySummaryProps } from './PolicySummary';

export type InboxItem = {
  id: string;
  requesterName: string;
  resourceName: string;
  durationMinutes: number;
  /** It asks for more time: the requester's grant on the resource still runs. */
  isMoreTime: boolean;
  createdAt: string;
  approvalsCount: number;
  approvalsRequired: number;
};

export type InboxDetail = {
  id: string;
  status: 'pending' | 'approved' | 'denied' | 'cancelled' | 'expired' | 'revoked';
  resource: { id: string; name: string; type: string; isRecorded: boolean };
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
  /** The requester has access now through another grant, until then: this request asks for more time. */
  requesterAccessUntil: string | null;
};

/** An approve or deny action's answer: on success, what the request became. */
export type DecisionState = (NonNullable<FormState> & { decision?: { status: 'pending' | 'approved' | 'denied'; approvalsCount?: number } }) | undefined;
