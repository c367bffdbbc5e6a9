import { useCallback, useEffect, useRef } from 'react';

/**
 * The SQL console's editor text, kept in this browser tab (sessionStorage) per user and
 * resource: a reload, or a new console on the same database in the tab, starts from what was
 * there; closing the tab forgets it. It never leaves the browser (the server records only
 * what runs, masked). Keyed by user too, so another account signed in to the tab starts clean.
 */
const PREFIX = 'porthole:sql-draft:';
/** Writes wait for a pause in typing: a large script is not copied on every keystroke. */
const SAVE_DELAY_MS = 300;

export function readSqlDraft(key: string): string | null {
  try {
    return window.sessionStorage.getItem(PREFIX + key);
  } catch {
    return null; // storage disabled (private mode, policy): the console starts from its starter text
  }
}

function writeSqlDraft(key: string, text: string): void {
  try {
    window.sessionStorage.setItem(PREFIX + key, text);
  } catch {
    // Full or disabled: the draft is a convenience, the console goes on without it.
  }
}

/** Returns the editor's change handler: saves the text after a pause, and at once when the page is hidden or unmounted. */
export function useSqlDraftSaver(key: string | undefined): (text: string) => void {
  const pending = useRef<{ text: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  useEffect(() => {
    if (!key) return;
    const flush = () => {
      if (!pending.current) return;
      clearTimeout(pending.current.timer);
      writeSqlDraft(key, pending.current.text);
      pending.current = null;
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key]);
  // One handler per key: the editor does not subscribe again on every render of the console.
  return useCallback(
    (text: string) => {
      if (!key) return;
      if (pending.current) clearTimeout(pending.current.timer);
      const timer = setTimeout(() => {
        writeSqlDraft(key, text);
        pending.current = null;
      }, SAVE_DELAY_MS);
      pending.current = { text, timer };
    },
    [key],
  );
}
