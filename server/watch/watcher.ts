/** Output or events queued for one watcher (in its socket, or waiting for its first screen) past which it is dropped and resynced. */
export const WATCHER_BUFFER_BYTES = 1024 * 1024;

/** Who watches: the watch's id and the name the engineer's banner shows. */
export type WatcherInfo = { id: string; name: string };
