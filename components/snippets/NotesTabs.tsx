import Link from 'next/link';

const TABS = [
  { key: 'notes', href: '/notes', label: 'Notes' },
  { key: 'snippets', href: '/snippets', label: 'Snippets' },
] as const;

/** "Notes | Snippets": the two halves of the rail's "Notes & snippets". */
export function NotesTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return (
    <nav aria-label="Notes and snippets" className="mb-4 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-1.5 text-sm ${
            tab.key === current
              ? 'border-indigo-600 font-medium text-zinc-900 dark:border-indigo-400 dark:text-zinc-100'
              : 'border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100'
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
