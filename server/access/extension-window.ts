/**
 * In the last 30 minutes of a grant its holder may ask for more time: a new request while the
 * grant runs, for longer than is left, whose own grant starts when it is approved (a live session
 * goes on under it, see RelaySession.grantChanged). Earlier, a request would only duplicate the
 * access they have.
 */
export const EXTENSION_WINDOW_MINUTES = 30;
export const EXTENSION_WINDOW_MS = EXTENSION_WINDOW_MINUTES * 60_000;

/** Whole minutes left in a grant ending at `expiresAt` (at least 1 while it runs). */
export function minutesLeft(expiresAt: Date, now = Date.now()): number {
  return Math.max(1, Math.ceil((expiresAt.getTime() - now) / 60_000));
}

export function isInExtensionWindow(expiresAt: Date, now = Date.now()): boolean {
  return expiresAt.getTime() - now <= EXTENSION_WINDOW_MS;
}
