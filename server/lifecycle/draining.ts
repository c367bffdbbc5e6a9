/**
 * Whether this process is shutting down: readiness answers 503 and new sessions are refused
 * while live ones end. On globalThis, like the other process-wide state.
 */
const globalForDrain = globalThis as unknown as { __portholeDraining?: boolean };

export function isDraining(): boolean {
  return globalForDrain.__portholeDraining === true;
}

export function startDraining(): void {
  globalForDrain.__portholeDraining = true;
}

/** What a browser opening a session during the drain is told. */
export const RESTARTING_MESSAGE = 'Porthole is restarting. Open the session again in a moment.';
