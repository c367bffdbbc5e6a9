import { useEffect } from 'react';

/**
 * Closing or reloading the tab ends the session (a session connects once), and Ctrl+W (delete a
 * word in the shell) closes tabs: while connected, the browser asks first. The terminal and the
 * SQL console both use it.
 */
export function useConfirmLeave(isActive: boolean): void {
  useEffect(() => {
    if (!isActive) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isActive]);
}
