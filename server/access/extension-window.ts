/**
 * In the last 30 minutes of a grant its holder may ask for more time: a new request while the
 * grant runs, whose own grant starts when it is approved (a live session goes on under it, see
 * RelaySession.extendGrant). Earlier, a request would only duplicate the access they have.
 */
export const EXTENSION_WINDOW_MS = 30 * 60_000;

export function isInExtensionWindow(expiresAt: Date, now = Date.now()): boolean {
  return expiresAt.getTime() - now <= EXTENSION_WINDOW_MS;
}
