import Link from 'next/link';
import { buttonClass } from '../ui/Button';
import { inputClass } from '../ui/Field';

export type RecordingSearch = { scope?: string; resourceId?: string; status?: string; from?: string; to?: string; automated?: string; page?: string };

const labelClass = 'text-xs font-medium text-zinc-600 dark:text-zinc-400';

/** The recordings list's filters: a plain GET form, so a filtered list is a link. */
export function RecordingFilters({
  search,
  resources,
  isAuditor,
  isFiltered,
}: {
  search: RecordingSearch;
  resources: { id: string; name: string }[];
  isAuditor: boolean;
  isFiltered: boolean;
}) {
  const selectClass = `${inputClass} w-auto`;
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter recordings">
      {isAuditor ? (
        <label className={labelClass}>
          Whose
          <select name="scope" defaultValue={search.scope ?? 'all'} className={selectClass}>
            <option value="all">Everyone</option>
            <option value="mine">Mine</option>
          </select>
        </label>
      ) : null}
      <label className={labelClass}>
        Resource
        <select name="resourceId" defaultValue={search.resourceId ?? ''} className={selectClass}>
          <option value="">Any resource</option>
          {resources.map((resource) => (
            <option key={resource.id} value={resource.id}>
              {resource.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        State
        <select name="status" defaultValue={search.status ?? ''} className={selectClass}>
          <option value="">Any state</option>
          <option value="recording">Live</option>
          <option value="complete">Complete</option>
          <option value="interrupted">Interrupted</option>
          <option value="failed">Failed</option>
        </select>
      </label>
      <label className={labelClass}>
        Opened by
        <select name="automated" defaultValue={search.automated ?? ''} className={selectClass}>
          <option value="">People and scripts</option>
          <option value="false">People only</option>
          <option value="true">Scripts (API tokens) only</option>
        </select>
      </label>
      <label className={labelClass}>
        From
        <input type="date" name="from" defaultValue={search.from ?? ''} className={selectClass} />
      </label>
      <label className={labelClass}>
        To
        <input type="date" name="to" defaultValue={search.to ?? ''} className={selectClass} />
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        Filter
      </button>
      {isFiltered ? (
        <Link href="/recordings" className="text-sm text-zinc-500 hover:underline dark:text-zinc-400">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
