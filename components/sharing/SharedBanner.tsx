import { RelativeTime } from '@/components/ui/RelativeTime';
import { rangeLabel } from './share-format';

type Share = { sharedByName: string | null; expiresAt: string; message: string; rangeStart: number | null; rangeEnd: number | null };

/** What a reviewer sees above a recording shared with them: who, until when, which part, and why. */
export function SharedBanner({ share }: { share: Share }) {
  const range = rangeLabel(share.rangeStart, share.rangeEnd);
  return (
    <section
      aria-label="Shared with you"
      className="mt-2 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950/40 dark:text-indigo-100"
    >
      <p>
        Shared by <strong>{share.sharedByName ?? 'a deleted user'}</strong> until {share.expiresAt.slice(0, 10)} (<RelativeTime iso={share.expiresAt} />)
        {range ? <>; you see {range} of it</> : null}.
      </p>
      {share.message ? <p className="mt-1 whitespace-pre-wrap text-indigo-900/80 dark:text-indigo-200/80">“{share.message}”</p> : null}
      <p className="mt-1 text-xs text-indigo-900/70 dark:text-indigo-200/70">Your notes here are shared with the owner.</p>
    </section>
  );
}
