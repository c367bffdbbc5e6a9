import { RESOURCE_TYPE_LABELS, RESOURCE_TYPES } from '@/lib/resources/resource-types';
import Link from 'next/link';
import { buttonClass } from '../ui/Button';
import { inputClass } from '../ui/Field';

export type SearchFormValues = Partial<Record<'q' | 'kind' | 'resourceId' | 'resourceType' | 'from' | 'to' | 'ownerId' | 'failedOnly' | 'sort', string>>;

const KINDS = [
  ['', 'Anything'],
  ['command', 'Commands'],
  ['output', 'Output'],
  // An HTTP console's requests are indexed as statements are (the results call them Requests).
  ['sql', 'SQL and HTTP requests'],
  ['note', 'Notes'],
] as const;
/** Every kind of resource a recording can be of (HTTP consoles and pod shells too). */
const TYPES = [['', 'Any type'], ...RESOURCE_TYPES.map((type) => [type, RESOURCE_TYPE_LABELS[type]] as const)] as const;

const labelClass = 'space-y-1 text-xs font-medium text-zinc-600 dark:text-zinc-400';
const selectClass = `${inputClass} w-full sm:w-auto`;

function Select({
  label,
  name,
  value,
  options,
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <label className={labelClass}>
      {label}
      <select name={name} defaultValue={value ?? ''} className={selectClass}>
        {options.map(([optionValue, text]) => (
          <option key={optionValue} value={optionValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A plain GET form: the query and filters live in the URL, so a search can be shared and reloaded. */
export function SearchForm({
  values,
  resources,
  owners,
  error,
}: {
  values: SearchFormValues;
  resources: { id: string; name: string }[];
  /** Auditors and admins pick whose recordings; null for everyone else (always their own). */
  owners: { id: string; name: string; email: string }[] | null;
  /** The query's own problem (zod message), shown under the field. */
  error?: string;
}) {
  return (
    <form method="get" action="/search" role="search" aria-label="Search and filters" className="mb-5 space-y-3">
      <div className="flex gap-2">
        <input
          type="search"
          name="q"
          defaultValue={values.q}
          aria-label="Search text"
          data-search-field
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'search-error' : undefined}
          placeholder='Commands, output, SQL, notes: pg_dump --sche, "connection refused", ERROR:'
          className={`${inputClass} h-10 font-mono`}
        />
        <button type="submit" className={buttonClass('primary', 'h-10 px-4')}>
          Search
        </button>
      </div>
      {error ? (
        <p id="search-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <SearchFilters values={values} resources={resources} owners={owners} />
    </form>
  );
}

/** Kind, resource, type, owner (auditors), dates, sort and "failed only": each a GET parameter. */
function SearchFilters({
  values,
  resources,
  owners,
}: {
  values: SearchFormValues;
  resources: { id: string; name: string }[];
  owners: { id: string; name: string; email: string }[] | null;
}) {
  return (
    <div className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap">
      <Select label="Kind" name="kind" value={values.kind} options={KINDS} />
      <Select label="Resource" name="resourceId" value={values.resourceId} options={[['', 'Any resource'], ...resources.map((r) => [r.id, r.name] as const)]} />
      <Select label="Type" name="resourceType" value={values.resourceType} options={TYPES} />
      {owners ? (
        <Select label="Owner" name="ownerId" value={values.ownerId} options={[['', 'Everyone'], ...owners.map((u) => [u.id, u.name || u.email] as const)]} />
      ) : null}
      <label className={labelClass}>
        From
        <input type="date" name="from" defaultValue={values.from} className={selectClass} />
      </label>
      <label className={labelClass}>
        To
        <input type="date" name="to" defaultValue={values.to} className={selectClass} />
      </label>
      <Select
        label="Sort"
        name="sort"
        value={values.sort}
        options={[
          ['', 'Newest first'],
          ['relevance', 'Best match'],
        ]}
      />
      <label className="flex h-[34px] items-center gap-1.5 text-sm text-zinc-700 dark:text-zinc-300">
        <input
          type="checkbox"
          name="failedOnly"
          value="1"
          defaultChecked={values.failedOnly === '1' || values.failedOnly === 'true' || values.failedOnly === 'on'}
          className="rounded border-zinc-300 dark:border-zinc-700"
        />
        Failed only
      </label>
      {values.q ? (
        <Link
          href={`/search?q=${encodeURIComponent(values.q)}`}
          className="flex h-[34px] items-center text-sm text-zinc-500 hover:underline dark:text-zinc-400"
        >
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}
