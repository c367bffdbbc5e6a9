import { processSingleton } from '@/lib/process-singleton';

/**
 * Whether this process is shutting down: readiness answers 503 and new sessions are refused
 * while live ones end.
 */
const drain = () => processSingleton('draining', () => ({ isDraining: false }));

export function isDraining(): boolean {
  return drain().isDraining;
}

export function startDraining(): void {
  drain().isDraining = true;
}

/** What a browser opening a session during the drain is told. */
export const RESTARTING_MESSAGE = 'Porthole is restarting. Open the session again in a moment.';
