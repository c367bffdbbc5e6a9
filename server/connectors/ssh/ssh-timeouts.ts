/** How long to wait for the TCP connect plus SSH handshake and authentication. */
export const SSH_READY_TIMEOUT_MS = 15_000;
/** Keepalives detect a dead target (or a dead network path) within about a minute. */
export const SSH_KEEPALIVE_INTERVAL_MS = 15_000;
export const SSH_KEEPALIVE_COUNT_MAX = 4;
