'use client';

import { useOptimistic, useState, useTransition } from 'react';
import { inputClass } from '@/components/ui/Field';
import type { SetResourceMaskingMode } from './masking-actions';
import { MASKING_MODE_TEXT, MASKING_MODES, type ResourceMaskingMode } from './masking-modes';

type Status = 'idle' | 'saving' | 'saved' | 'error';

/** A resource's masking mode, saved as soon as it changes; `data-status` tells tests when. */
export function ResourceMaskingModeSelect({
  resourceId,
  resourceName,
  mode,
  setMode,
}: {
  resourceId: string;
  resourceName: string;
  mode: ResourceMaskingMode;
  setMode: SetResourceMaskingMode;
}) {
  const [shown, setShown] = useOptimistic(mode);
  const [status, setStatus] = useState<Status>('idle');
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  const save = (next: ResourceMaskingMode) =>
    startTransition(async () => {
      setShown(next);
      setStatus('saving');
      const result = await setMode(resourceId, next);
      setStatus(result?.ok ? 'saved' : 'error');
      setError(result?.ok ? undefined : (result?.message ?? 'The mode was not saved.'));
    });
  return (
    <div data-testid="masking-mode" data-status={status} data-mode={shown} className="space-y-1">
      <div className="flex items-center gap-2">
        <select
          aria-label={`Masking mode for ${resourceName}`}
          className={`${inputClass} max-w-56`}
          value={shown}
          disabled={isPending}
          onChange={(event) => save(event.target.value as ResourceMaskingMode)}
        >
          {MASKING_MODES.map((value) => (
            <option key={value} value={value}>
              {MASKING_MODE_TEXT[value].label}
            </option>
          ))}
        </select>
        <span aria-live="polite" className="text-xs text-zinc-500 dark:text-zinc-400">
          {status === 'saving' ? 'Saving…' : status === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
