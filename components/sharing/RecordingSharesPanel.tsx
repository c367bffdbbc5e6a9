import type { ShareView } from '@/lib/sharing/share-views';
import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { RelativeTime } from '@/components/ui/RelativeTime';
import { Badge } from '../ui/PageHeader';
import type { FormState } from '../ui/form-state';
import { formatCount } from '@/lib/format/count';
import { ShareForm } from './ShareForm';
import { rangeLabel } from './share-format';

type Props = {
  shares: ShareView[];
  maxDays: number;
  defaultDays: number;
  actions: { share: (prev: FormState, form: FormData) => Promise<FormState>; revoke: (shareId: string) => Promise<FormState> };
};

const STATE_TONE = { active: 'emerald', expired: 'zinc', revoked: 'red' } as const;

function ShareItem({ share, revoke }: { share: ShareView; revoke: () => Promise<FormState> }) {
  const range = rangeLabel(share.rangeStart, share.rangeEnd);
  return (
    <li className="space-y-1 py-2" aria-label={`Share with ${share.reviewerName}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{share.reviewerName}</span>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{share.reviewerEmail}</span>
        <Badge tone={STATE_TONE[share.state]}>{share.state}</Badge>
        {share.state === 'active' ? (
          <ConfirmButton
            label="Revoke"
            title={`Revoke ${share.reviewerName}’s access?`}
            description="They can no longer open this recording. Their notes stay."
            className="ml-auto"
            action={revoke}
          />
        ) : null}
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {range ? `${range} · ` : 'Whole recording · '}
        {share.state === 'revoked' && share.revokedAt ? (
          <>
            revoked <RelativeTime iso={share.revokedAt} />
            {share.revokedByName ? ` by ${share.revokedByName}` : ''}
          </>
        ) : (
          <>
            {share.state === 'expired' ? 'expired' : 'expires'} <RelativeTime iso={share.expiresAt} />
          </>
        )}
        {' · '}shared by {share.sharedByName ?? 'a deleted user'} <RelativeTime iso={share.createdAt} />
      </p>
      {share.message ? <p className="text-xs whitespace-pre-wrap text-zinc-600 dark:text-zinc-300">“{share.message}”</p> : null}
      <p className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="share-views">
        {share.viewCount === 0 ? (
          'Not watched yet'
        ) : (
          <>
            Watched {formatCount(share.viewCount, 'time')}, last <RelativeTime iso={share.views[0] ?? null} />
          </>
        )}
      </p>
    </li>
  );
}

/** Owner, auditors and admins: share this recording, see who it is shared with and who watched when, revoke. */
export function RecordingSharesPanel({ shares, maxDays, defaultDays, actions }: Props) {
  const active = shares.filter((share) => share.state === 'active').length;
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-indigo-700 hover:underline dark:text-indigo-300">
        Share{active > 0 ? ` · shared with ${formatCount(active, 'reviewer')}` : ''}
      </summary>
      <div className="mt-2 max-w-xl space-y-3">
        <ShareForm action={actions.share} maxDays={maxDays} defaultDays={defaultDays} />
        {shares.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">Not shared with anyone yet. A reviewer sees only this recording, until the share expires.</p>
        ) : (
          <ul aria-label="Shares" className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {shares.map((share) => (
              <ShareItem key={share.id} share={share} revoke={actions.revoke.bind(null, share.id)} />
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
