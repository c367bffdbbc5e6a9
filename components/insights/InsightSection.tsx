import type { ReactNode } from 'react';

/** A titled box on the insights page; `empty` says what an empty list means. */
export function InsightSection({
  id,
  title,
  description,
  isEmpty,
  empty,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  isEmpty: boolean;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={id} className="text-sm font-medium">
        {title}
      </h2>
      {description ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{description}</p> : null}
      <div className="mt-3">{isEmpty ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p> : children}</div>
    </section>
  );
}
