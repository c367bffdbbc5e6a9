'use client';

/** Shown while someone watches, with no way to hide it: the engineer always knows. */
export function WatchedBanner({ names }: { names: string[] }) {
  const who = new Intl.ListFormat('en', { type: 'conjunction' }).format(names);
  return (
    <div
      role="status"
      data-testid="watched-banner"
      className="flex shrink-0 items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
    >
      <EyeGlyph />
      <span>
        <span className="font-medium">{who}</span> {names.length === 1 ? 'is' : 'are'} watching this session.
      </span>
    </div>
  );
}

function EyeGlyph() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="h-4 w-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8s-2.4 4.5-6.5 4.5S1.5 8 1.5 8Z" />
      <circle cx="8" cy="8" r="2" />
    </svg>
  );
}
