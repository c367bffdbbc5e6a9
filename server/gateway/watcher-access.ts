import { inArray } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { processSingleton } from '@/lib/process-singleton';
import { canSeeAll } from '../actor/actor';
import { RECHECK_MS } from '../access/enforce-grants';
import { followAccessChanges } from '../events/access-changes';
import { every } from '../jobs/every';
import { sendControl } from '../relay/socket-sink';
import { CloseCode } from './protocol';

/** A watch socket open on this process, and who opened it when. */
type LiveWatch = { watcherId: string; openedAt: Date; ws: WebSocket };

const liveWatches = () => processSingleton('liveWatches', () => new Map<string, LiveWatch>());

/** Follows a watch while it is open; returns the function that stops following it (its socket closed). */
export function trackWatch(watchId: string, watch: LiveWatch): () => void {
  liveWatches().set(watchId, watch);
  return () => liveWatches().delete(watchId);
}

/**
 * Cuts the watches (all, or one user's) whose watcher may no longer watch: disabled, no longer
 * an auditor or admin, or signed out (or changed their password) since the watch opened. The
 * right to watch is checked as the watch opens; this keeps it true while it runs. Returns how many it cut.
 */
export async function endWatchesWithoutRight(watcherId?: string): Promise<number> {
  const watches = [...liveWatches().values()].filter((watch) => !watcherId || watch.watcherId === watcherId);
  if (watches.length === 0) return 0;
  const ids = [...new Set(watches.map((watch) => watch.watcherId))];
  const rows = await db()
    .select({ id: users.id, roles: users.roles, isDisabled: users.isDisabled, signInsEndedAt: users.signInsEndedAt })
    .from(users)
    .where(inArray(users.id, ids));
  const watchers = new Map(rows.map((row) => [row.id, row]));
  let cut = 0;
  for (const watch of watches) {
    const watcher = watchers.get(watch.watcherId);
    const mayWatch = watcher && !watcher.isDisabled && canSeeAll(watcher) && !(watcher.signInsEndedAt && watcher.signInsEndedAt > watch.openedAt);
    if (mayWatch) continue;
    sendControl(watch.ws, {
      type: 'error',
      code: 'watch_ended',
      message: 'You may no longer watch this session: your account or roles changed, or you signed out.',
    });
    watch.ws.close(CloseCode.Unauthorized, 'watch access ended');
    cut++;
  }
  return cut;
}

/**
 * Keeps watches to those allowed to watch: at once when a user is disabled, changes roles or
 * signs out on this process, and by a re-check every few seconds for changes made elsewhere
 * (another replica). Returns a function that stops it.
 */
export function startWatcherEnforcement(): () => void {
  const stopFollowing = followAccessChanges(async (change) => {
    if ('userId' in change) await endWatchesWithoutRight(change.userId);
  });
  const stopRecheck = every('watcher-recheck', RECHECK_MS, () => endWatchesWithoutRight());
  return () => {
    stopFollowing();
    stopRecheck();
  };
}
