import { ConfirmButton } from '@/components/ui/ConfirmButton';
import { RelativeTime } from '@/components/ui/RelativeTime';
import type { FormState } from '../ui/form-state';
import type { RecordingRetention } from '@/lib/retention/retention-views';
import { formatCount } from '@/lib/format/count';
import { LiftHoldForm } from './LiftHoldForm';
import { PlaceHoldForm } from './PlaceHoldForm';

type Props = {
  recordingId: string;
  retention: RecordingRetention;
  /** Auditors and admins: place and lift holds here. */
  canHold: boolean;
  isOwner: boolean;
  actions: {
    placeHold: (prev: FormState, form: FormData) => Promise<FormState>;
    liftHold: (holdId: string, prev: FormState, form: FormData) => Promise<FormState>;
    remove: () => Promise<FormState | void>;
  };
};

/** One line on what happens to this recording, and the hold and delete controls for whoever may use them. */
export function RecordingRetentionPanel({ recordingId, retention, canHold, isOwner, actions }: Props) {
  const { holds, deletesAt, days, source } = retention;
  return (
    <div className="mt-1 space-y-2 text-sm">
      <p className="text-zinc-500 dark:text-zinc-400" data-testid="retention-line">
        {retention.isHeld ? (
          <span className="font-medium text-amber-700 dark:text-amber-400">
            On legal hold: kept until the hold is lifted{isOwner ? ', and you cannot delete it until then' : ''}.
          </span>
        ) : deletesAt ? (
          <>
            Deleted <RelativeTime iso={deletesAt} /> ({deletesAt.slice(0, 10)}), after {formatCount(days, 'day')} (
            {source === 'resource' ? "this resource's retention" : 'the default retention'}).
          </>
        ) : (
          'Kept forever.'
        )}
      </p>
      {holds.map((hold) => (
        <div key={hold.id} className="rounded-md border border-amber-300 bg-amber-50 p-2 dark:border-amber-800 dark:bg-amber-950/40">
          <p>
            Hold on {hold.scope === 'recording' ? 'this recording' : `the ${hold.scope} ${hold.targetLabel}`}: {hold.reason}
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              Placed by {hold.placedByName ?? 'a deleted user'} <RelativeTime iso={hold.placedAt} />
            </span>
          </p>
          {canHold ? (
            <LiftHoldForm action={actions.liftHold.bind(null, hold.id)} label={hold.scope === 'recording' ? 'this recording' : hold.targetLabel} />
          ) : null}
        </div>
      ))}
      {canHold && !holds.some((hold) => hold.scope === 'recording') ? (
        <details>
          <summary className="cursor-pointer text-sm text-indigo-700 hover:underline dark:text-indigo-300">Place a legal hold on this recording</summary>
          <div className="mt-2 max-w-md">
            <PlaceHoldForm action={actions.placeHold} recordingId={recordingId} />
          </div>
        </details>
      ) : null}
      {isOwner && retention.ownerMayDelete ? (
        <ConfirmButton
          label="Delete recording"
          title="Delete this recording?"
          description="Its events, command index, search entries and notes are removed for good. The audit log keeps that it existed."
          action={actions.remove}
        />
      ) : null}
      {isOwner && !retention.ownerMayDelete && !retention.isHeld ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Recordings are kept by policy: an admin decides whether you may delete your own.</p>
      ) : null}
    </div>
  );
}
