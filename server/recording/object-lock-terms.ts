import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { resources, sessions } from '@/db/schema';
import type { LockTerms } from './stores/s3-bucket';
import { isHeldSql } from '../retention-policy/hold-condition';
import { getRetentionSettings } from '../retention-policy/retention-settings';

const DAY_MS = 86_400_000;

/**
 * What Object Lock asks of a chunk sealed now: kept at least as long as the retention policy
 * keeps the recording (the purge runs `days` after the end, and no chunk is sealed after the
 * end), and under legal hold while a hold covers it. Keep-forever sets no date.
 */
export async function objectLockTerms(recordingId: string): Promise<LockTerms> {
  const [row] = await db()
    .select({ days: resources.retentionDays, isHeld: isHeldSql(recordings.id, recordings.userId, sessions.resourceId) })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    .leftJoin(resources, eq(resources.id, sessions.resourceId))
    .where(eq(recordings.id, recordingId));
  const days = row?.days ?? (await getRetentionSettings()).defaultDays;
  return { retainUntil: days > 0 ? new Date(Date.now() + days * DAY_MS) : null, isHeld: row?.isHeld ?? false };
}
