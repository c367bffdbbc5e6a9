'use client';

/**
 * Ends the live session from its page: the socket closes and the gateway ends the session (the
 * recording is sealed, the row says who ended it). For the terminal's and the consoles' bars.
 */
export function DisconnectButton({ onDisconnect }: { onDisconnect: () => void }) {
  return (
    <button
      type="button"
      onClick={onDisconnect}
      title="End this session now (connect again from the end banner while your access lasts)"
      className="flex items-center gap-1 rounded px-1.5 py-1 text-red-700 hover:bg-red-50 hover:text-red-800 dark:text-red-400 dark:hover:bg-red-950 dark:hover:text-red-300"
    >
      {/* A power symbol: a line through the top of an open ring. */}
      <svg aria-hidden viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
        <path d="M8 2v5.5M4.6 4.4a5 5 0 1 0 6.8 0" />
      </svg>
      <span className="sr-only sm:not-sr-only">Disconnect</span>
    </button>
  );
}
