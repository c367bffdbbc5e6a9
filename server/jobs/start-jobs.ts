import { startGrantEnforcement } from '../access/enforce-grants';
import { expireGrants } from '../access/expire-grants';
import { followUserAndResourceChanges } from '../access/follow-access-changes';
import { env } from '../env';
import { startPgEventBridge } from '../events/pg-bridge';
import { backfillSearch } from '../search/backfill-search';
import { purgeExpiredRecordings } from '../retention/purge-expired';
import { deliverDueWebhooks, enableWebhookSender } from '../webhooks/deliver-webhooks';
import { every } from './every';
import { closeJobLocks, exclusive } from './job-leadership';
import { startReplica } from './start-replica';

export const JOB_INTERVAL_MS = 5_000;
/** Looks again for recordings without search entries (a replica may have sealed some). */
const SEARCH_BACKFILL_INTERVAL_MS = 10 * 60_000;
/** Retention works in days: every ten minutes is prompt enough. */
export const PURGE_INTERVAL_MS = 10 * 60_000;

/**
 * Background work of a running server: ending grants on time (and the live sessions inside
 * them), sending webhooks, purging recordings past their retention, and (with PostgreSQL) relaying live events between replicas.
 * Returns a function that stops it all.
 */
export function startJobs(): () => Promise<void> {
  const stopExpiry = every('expire-grants', JOB_INTERVAL_MS, exclusive('expire-grants', expireGrants));
  const stopEnforcement = startGrantEnforcement();
  const stopFollowing = followUserAndResourceChanges();
  enableWebhookSender(true);
  const stopWebhooks = every('deliver-webhooks', JOB_INTERVAL_MS, exclusive('deliver-webhooks', deliverDueWebhooks));
  // Recordings sealed before search existed (or while no server ran): indexed in the background.
  const searchBackfill = new AbortController();
  const stopSearchBackfill = every(
    'search-backfill',
    SEARCH_BACKFILL_INTERVAL_MS,
    exclusive('search-backfill', () => backfillSearch({ signal: searchBackfill.signal })),
  );
  const stopPurge = every(
    'purge-recordings',
    PURGE_INTERVAL_MS,
    exclusive('purge-recordings', () => purgeExpiredRecordings()),
  );
  // Each job above runs on one replica at a time (exclusive); every replica keeps its heartbeat.
  const stopReplica = startReplica();
  const databaseUrl = env().databaseUrl;
  const stopBridge = databaseUrl ? startPgEventBridge(databaseUrl).stop : async () => undefined;
  return async () => {
    stopExpiry();
    stopEnforcement();
    stopFollowing();
    stopWebhooks();
    searchBackfill.abort();
    stopSearchBackfill();
    stopPurge();
    enableWebhookSender(false);
    await stopBridge();
    await stopReplica();
    await closeJobLocks();
  };
}
