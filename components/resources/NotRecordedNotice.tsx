import { Badge } from '../ui/PageHeader';

const EXPLANATION = 'Recording is off for this resource: sessions are masked and audited, but nothing is kept to replay.';

/**
 * Said before anyone connects, wherever a session on a resource with recording off can start
 * (resource page, terminal, SQL console), so nobody assumes a replay exists afterwards.
 */
export function NotRecordedNotice({ variant = 'strip' }: { variant?: 'strip' | 'card' }) {
  const look =
    variant === 'strip'
      ? 'shrink-0 border-b border-sky-200 bg-sky-50 px-3 py-1.5 dark:border-sky-900 dark:bg-sky-950'
      : 'rounded-md border border-sky-200 bg-sky-50 px-3 py-2 dark:border-sky-900 dark:bg-sky-950';
  return (
    <p role="note" data-testid="not-recorded-notice" className={`flex items-start gap-2 text-sm text-sky-900 dark:text-sky-100 ${look}`}>
      <NotRecordedGlyph />
      <span>
        <span className="font-medium">Not recorded.</span> {EXPLANATION}
      </span>
    </p>
  );
}

/** The catalogue card's and the lists' short form. */
export function NotRecordedBadge() {
  return (
    <span title={EXPLANATION}>
      <Badge>Not recorded</Badge>
    </span>
  );
}

function NotRecordedGlyph() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="mt-0.5 h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5">
      <circle cx="8" cy="8" r="5.5" />
      <path d="M3.5 12.5l9-9" />
    </svg>
  );
}
