'use client';

import { useCallback, useEffect, useState } from 'react';

export type KubeGet<T> = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

type ErrorBody = { error?: { message?: unknown } };

/**
 * GETs one of the /api/v1/resources/{id}/kubernetes/* lists, or nothing while `path` is null
 * (no namespace chosen yet). A newer path drops the older answer, so a slow list for the
 * namespace chosen before never overwrites the one chosen now. Failures carry the server's message.
 */
export function useKubeGet<T>(path: string | null): KubeGet<T> & { reload: () => void } {
  const [state, setState] = useState<KubeGet<T>>({ status: 'idle' });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);

  useEffect(() => {
    if (!path) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    fetchJson<T>(path, controller.signal).then(
      (next) => {
        if (!controller.signal.aborted) setState(next);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [path, round]);

  return { ...state, reload };
}

async function fetchJson<T>(path: string, signal: AbortSignal): Promise<KubeGet<T>> {
  try {
    const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store', signal });
    const body = (await response.json().catch(() => undefined)) as (T & ErrorBody) | undefined;
    if (response.ok && body) return { status: 'ready', data: body };
    const message = typeof body?.error?.message === 'string' ? body.error.message : `Porthole could not load the list (HTTP ${response.status}).`;
    return { status: 'error', message };
  } catch {
    return { status: 'error', message: 'Could not reach Porthole. Check your connection and try again.' };
  }
}
