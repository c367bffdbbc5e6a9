/** A watched console with nothing in it yet: what will appear while it is live, or that nothing did. */
export function WatchEmptyState({ title, isLive, whileLive, afterEnd }: { title: string; isLive: boolean; whileLive: string; afterEnd: string }) {
  return (
    <div className="rounded-md border border-dashed border-zinc-300 px-4 py-10 text-center dark:border-zinc-700">
      <p className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{title}</p>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{isLive ? whileLive : afterEnd}</p>
    </div>
  );
}
