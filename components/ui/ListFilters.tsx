import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from './Button';
import { inputClass } from './Field';

export const filterLabelClass = 'text-xs font-medium text-zinc-600 dark:text-zinc-400';
export const filterSelectClass = `${inputClass} w-auto`;

/**
 * A list page's filters: a plain GET form, so a filtered list is a link. Submitting starts
 * again at page 1 (the form carries no `page`).
 */
export function ListFilters({ label, clearHref, isFiltered, children }: { label: string; clearHref: string; isFiltered: boolean; children: ReactNode }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label={label}>
      {children}
      <button type="submit" className={buttonClass('secondary')}>
        Filter
      </button>
      {isFiltered ? (
        <Link href={clearHref} className="text-sm text-zinc-500 hover:underline dark:text-zinc-400">
          Clear
        </Link>
      ) : null}
    </form>
  );
}

/** Auditors and admins choose between everyone's rows and their own. */
export function WhoseFilter({ value }: { value: string | undefined }) {
  return (
    <label className={filterLabelClass}>
      Whose
      <select name="scope" defaultValue={value ?? 'all'} className={filterSelectClass}>
        <option value="all">Everyone</option>
        <option value="mine">Mine</option>
      </select>
    </label>
  );
}

export function ResourceFilter({ value, resources }: { value: string | undefined; resources: { id: string; name: string }[] }) {
  return (
    <label className={filterLabelClass}>
      Resource
      <select name="resourceId" defaultValue={value ?? ''} className={filterSelectClass}>
        <option value="">Any resource</option>
        {resources.map((resource) => (
          <option key={resource.id} value={resource.id}>
            {resource.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A state select: `states` maps each value the list accepts to its label. */
export function StateFilter({ value, states }: { value: string | undefined; states: Record<string, string> }) {
  return (
    <label className={filterLabelClass}>
      State
      <select name="status" defaultValue={value ?? ''} className={filterSelectClass}>
        <option value="">Any state</option>
        {Object.entries(states).map(([state, label]) => (
          <option key={state} value={state}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search parameters a list's links keep (its filters), without `page`. */
export function listPath(path: string, search: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (key !== 'page' && typeof value === 'string' && value !== '') query.set(key, value);
  return query.size > 0 ? `${path}?${query.toString()}` : path;
}
