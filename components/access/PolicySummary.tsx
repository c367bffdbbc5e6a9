import type { ReactNode } from 'react';
import { formatCount } from '@/lib/format/count';
import { formatMinutes } from './format';

export type PolicySummaryProps = {
  approverRoles: string[];
  approverUsers: { name: string }[];
  approvalsRequired: number;
  maxDurationMinutes: number;
  isReasonRequired: boolean;
  allowSelfApproval: boolean;
};

/** "1 approval from approvers · up to 4h 00m · reason required" */
export function PolicySummary({ policy }: { policy: PolicySummaryProps }): ReactNode {
  const who = [...policy.approverRoles.map((role) => `${role}s`), ...policy.approverUsers.map((user) => user.name)].join(', ') || 'nobody';
  const parts = [
    `${formatCount(policy.approvalsRequired, 'approval')} from ${who}`,
    `up to ${formatMinutes(policy.maxDurationMinutes)}`,
    policy.isReasonRequired ? 'reason required' : 'reason optional',
  ];
  if (policy.allowSelfApproval) parts.push('approvers may approve their own requests');
  return <span>{parts.join(' · ')}</span>;
}
