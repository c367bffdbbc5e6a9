'use client';

import { useEffect, useRef } from 'react';
import { Button } from '../ui/Button';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['Space'], 'Play / pause'],
  [['←', '→'], 'Back / forward 5 seconds'],
  [['[', ']'], 'Previous / next command'],
  [['<', '>'], 'Slower / faster (0.25× – 16×)'],
  [['i'], 'Skip idle time on / off'],
  [['f'], 'Full screen on / off'],
  [['Ctrl', 'F'], 'Find in the whole recording'],
  [['Enter', '⇧ Enter'], 'Next / previous match (in find)'],
  [['/'], 'Search all recordings'],
  [['?'], 'This help'],
];

export function KeyboardHelp({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="replay-keys-title"
      onClose={onClose}
      className="m-auto w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id="replay-keys-title" className="mb-3 font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="space-y-1.5 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={what} className="flex items-center justify-between gap-4">
            <dt className="flex gap-1">
              {keys.map((key) => (
                <kbd key={key} className="rounded border border-zinc-300 bg-zinc-50 px-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800">
                  {key}
                </kbd>
              ))}
            </dt>
            <dd className="text-zinc-600 dark:text-zinc-300">{what}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">Paused, scroll the terminal up for earlier output and select text to copy it.</p>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </dialog>
  );
}
