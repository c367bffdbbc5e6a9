import { buttonClass } from '../ui/Button';
import { inputClass } from '../ui/Field';

/**
 * A plain GET search form for a list page: the query lands in the address, so a search can
 * be bookmarked and works before any script loads. `keep` carries other filters along.
 */
export function ListSearch({
  action,
  q,
  label,
  placeholder,
  keep = {},
}: {
  action: string;
  q: string;
  label: string;
  placeholder: string;
  keep?: Record<string, string | undefined>;
}) {
  return (
    <form role="search" action={action} className="mb-4 flex max-w-xl gap-2">
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <input name="q" type="search" aria-label={label} defaultValue={q} maxLength={200} placeholder={placeholder} className={inputClass} />
      <button type="submit" className={buttonClass('secondary')}>
        Search
      </button>
    </form>
  );
}
