const LABELS = { ssh: 'SSH', postgres: 'PostgreSQL', mysql: 'MySQL' } as const;

export function resourceTypeLabel(type: keyof typeof LABELS): string {
  return LABELS[type];
}

/** A small type badge: terminal prompt for SSH, a cylinder for databases. */
export function ResourceTypeIcon({ type }: { type: keyof typeof LABELS }) {
  const tone = type === 'ssh' ? 'bg-zinc-900 text-emerald-400 dark:bg-black' : type === 'postgres' ? 'bg-sky-600 text-white' : 'bg-orange-500 text-white';
  return (
    <span aria-hidden className={`inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-md font-mono text-xs font-bold ${tone}`}>
      {type === 'ssh' ? '>_' : type === 'postgres' ? 'PG' : 'My'}
    </span>
  );
}
