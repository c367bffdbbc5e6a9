import { inArray } from 'drizzle-orm';
import type { WebSocket } from 'ws';
import { db } from '@/db/client';
import { apiTokens, users } from '@/db/schema';
import { processSingleton } from '@/lib/process-singleton';
import { canSeeAll } from '../actor/actor';
import { RECHECK_MS } from '../access/enforce-grants';
import { hasSignInEnded } from '../access/sign-in-ended';
import type { InternalWatcher } from '../replicas/internal-watch-token';
import { followAccessChanges } from '../events/access-changes';
import { every } from '../jobs/every';
import { timerAt } from '../jobs/timer-at';
import { sendControl } from '../relay/socket-sink';
import { CloseCode } from './protocol';
import { log } from '../log/logger';

/** A watch socket open on this process: who opened it, with what credential, and when. */
type LiveWatch = InternalWatcher & { openedAt: Date; ws: WebSocket };

const liveWatches = () => processSingleton('liveWatches', () => new Map<string, LiveWatch>());

/**
 * Follows a watch while it is open, and cuts it as the browser sign-in that opened it reaches
 * its time limit; returns the function that stops following it (its socket closed).
 */
export function trackWatch(watchId: string, watch: LiveWatch): () => void {
  liveWatches().set(watchId, watch);
  const atSignInEnd = timerAt(watch.signInEndsAt, () => {
    endWatchesWithoutRight(watch.watcherId).catch((error: unknown) => log().error({ err: error }, 'watch check at the sign-in’s end failed'));
  });
  return () => {
    clearTimeout(atSignInEnd);
    liveWatches().delete(watchId);
  };
}

/**
 * Cuts the watches (all, or one user's) whose watcher may no longer watch: disabled, no longer
 * an auditor or admin, or the sign-in that opened the watch ended (signed out, password changed,
 * API token revoked or expired, the browser sign-in's time limit reached). The right to watch is
 * checked as the watch opens; this keeps it true while it runs. Returns how many it cut.
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
  const tokens = await tokensOf(watches);
  let cut = 0;
  for (const watch of watches) {
    const watcher = watchers.get(watch.watcherId);
    const token = watch.openedWithTokenId ? (tokens.get(watch.openedWithTokenId) ?? null) : null;
    const mayWatch = watcher && !watcher.isDisabled && canSeeAll(watcher) && !hasSignInEnded({ ...watch, createdAt: watch.openedAt }, watcher, token);
    if (mayWatch) continue;
    sendControl(watch.ws, {
      type: 'error',
      code: 'watch_ended',
      message: 'You may no longer watch this session: your account or roles changed, or your sign-in ended.',
    });
    watch.ws.close(CloseCode.Unauthorized, 'watch access ended');
    cut++;
  }
  return cut;
}

/** The API tokens that opened some of `watches`, by id (a revoked one included, a deleted one missing). */
async function tokensOf(watches: LiveWatch[]): Promise<Map<string, { revokedAt: Date | null; expiresAt: Date | null }>> {
  const ids = [...new Set(watches.flatMap((watch) => watch.openedWithTokenId ?? []))];
  if (ids.length === 0) return new Map();
  const rows = await db()
    .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(inArray(apiTokens.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
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
