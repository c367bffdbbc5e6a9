/**
 * How the console and the replay show a body: JSON indented, anything else as it came. A body
 * that claims JSON but does not parse (truncated, or not JSON after all) is shown as it came.
 */

const isJsonType = (contentType: string | null | undefined) => !!contentType && /[/+]json\b/i.test(contentType);

export function prettyBody(body: string, contentType: string | null | undefined): { text: string; isJson: boolean } {
  const trimmed = body.trim();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (!isJsonType(contentType) && !looksJson) return { text: body, isJson: false };
  try {
    return { text: JSON.stringify(JSON.parse(trimmed), null, 2), isJson: true };
  } catch {
    return { text: body, isJson: false };
  }
}

export type StatusTone = 'ok' | 'redirect' | 'client' | 'server' | 'none';

/** 2xx ok, 3xx redirect, 4xx client error, 5xx server error. */
export function statusTone(status: number | null | undefined): StatusTone {
  if (!status) return 'none';
  if (status < 300) return 'ok';
  if (status < 400) return 'redirect';
  if (status < 500) return 'client';
  return 'server';
}

export const STATUS_TONE_CLASS: Record<StatusTone, string> = {
  ok: 'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-300 dark:ring-emerald-900',
  redirect: 'bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-900',
  client: 'bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-900',
  server: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-900',
  none: 'bg-zinc-100 text-zinc-700 ring-zinc-200 dark:bg-zinc-800 dark:text-zinc-300 dark:ring-zinc-700',
};
