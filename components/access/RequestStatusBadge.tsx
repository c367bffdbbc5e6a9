import { Badge } from '../ui/PageHeader';

const TONES = {
  pending: 'amber',
  approved: 'emerald',
  denied: 'red',
  cancelled: 'zinc',
  expired: 'zinc',
  revoked: 'red',
} as const;

export const REQUEST_STATUS_LABELS: Record<keyof typeof TONES, string> = {
  pending: 'Pending',
  approved: 'Approved',
  denied: 'Denied',
  cancelled: 'Cancelled',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function RequestStatusBadge({ status }: { status: keyof typeof TONES }) {
  return <Badge tone={TONES[status]}>{REQUEST_STATUS_LABELS[status]}</Badge>;
}
