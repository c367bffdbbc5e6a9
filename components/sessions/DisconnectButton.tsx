'use client';

/**
 * Ends the live session from its page: the socket closes and the gateway ends the session (the
 * recording is sealed, the row says who ended it). For the terminal's and the SQL console's bars.
 */
export function DisconnectButton({ onDisconnect }: { onDisconnect: () => void }) {
  return (
    <button
      type="button"
      onClick={onDisconnect}
      title="End this session now (connect again from the end banner while your access lasts)"
      className="flex items-center gap-1 rounded px-1.5 py-1 text-red-700 hover:bg-red-50 hover:text-red-800 dark:text-red-400 dark:hover:bg-red-950 dark:hover:text-red-300"
    >
      <span aria-hidden>⏻</span>
      <span className="sr-only sm:not-sr-only">Disconnect</span>
    </button>
  );
}
