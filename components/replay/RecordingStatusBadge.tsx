import { Badge } from '../ui/PageHeader';

const TONES = { recording: 'indigo', complete: 'zinc', interrupted: 'amber', failed: 'red' } as const;
const LABELS = { recording: 'live', complete: 'complete', interrupted: 'interrupted', failed: 'failed' } as const;

export function RecordingStatusBadge({ status }: { status: keyof typeof TONES }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
