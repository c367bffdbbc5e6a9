'use client';

/**
 * A tab strip whose tabs are names with a count beside them ("commands 12", "notes 3"), as
 * the replays' side panels show them. The panel itself is the caller's (`role="tabpanel"`).
 */
export function CountTabs<Name extends string>({
  label,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  tabs: readonly { name: Name; count: number }[];
  selected: Name;
  onSelect: (name: Name) => void;
}) {
  return (
    <div role="tablist" aria-label={label} className="flex border-b border-zinc-200 dark:border-zinc-800">
      {tabs.map(({ name, count }) => (
        <button
          key={name}
          role="tab"
          type="button"
          aria-selected={selected === name}
          onClick={() => onSelect(name)}
          className={`flex-1 px-3 py-2 text-sm font-medium capitalize ${selected === name ? 'border-b-2 border-indigo-600 text-zinc-900 dark:text-zinc-100' : 'text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200'}`}
        >
          {name} <span className="text-xs text-zinc-400">{count}</span>
        </button>
      ))}
    </div>
  );
}
