import { formatClock } from './format';

/** The access state on a catalogue card: connect, request, pending, or active until …. */
export function CatalogueAccessState({
  accessMode,
  canUseOpen,
  state,
  connectLabel = 'Connect',
}: {
  accessMode: 'open' | 'approval';
  /** What the resource page's button says: `Open console` for a database. */
  connectLabel?: string;
  canUseOpen: boolean;
  state?: { state: 'active'; until: string } | { state: 'pending' };
}) {
  const [label, tone] =
    accessMode === 'open'
      ? canUseOpen
        ? [connectLabel, 'text-emerald-700 dark:text-emerald-400']
        : ['Not for your role', 'text-zinc-500 dark:text-zinc-400']
      : state?.state === 'active'
        ? [`Active until ${formatClock(state.until)}`, 'text-emerald-700 dark:text-emerald-400']
        : state?.state === 'pending'
          ? ['Pending approval', 'text-amber-700 dark:text-amber-400']
          : ['Request access', 'text-indigo-600 dark:text-indigo-400'];
  return (
    <span className={`ml-auto shrink-0 text-xs font-medium ${tone}`} data-access-state={state?.state ?? (accessMode === 'open' ? 'open' : 'none')}>
      {label}
    </span>
  );
}
