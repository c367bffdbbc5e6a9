import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import { canSeeAll, type Actor } from '../actor/actor';
import { activeHoldsOn } from './list-holds';
import type { RecordingRetention } from '@/lib/retention/retention-views';
import { getRetentionSettings } from '../retention-policy/retention-settings';

export type { RecordingRetention } from '@/lib/retention/retention-views';

const DAY_MS = 86_400_000;

/**
 * What happens to one recording: when it goes, and whether a hold keeps it. Which holds, why
 * and by whom only for auditors and admins (`actor`): the person under a hold sees that their
 * recording is kept, not the reason or who placed it, which could tip off an investigation.
 */
export async function recordingRetention(
  recording: {
    id: string;
    userId: string;
    resourceId: string | null;
    startedAt: string;
    endedAt: string | null;
  },
  actor: Pick<Actor, 'roles'>,
): Promise<RecordingRetention> {
  const [settings, holds, resourceDays] = await Promise.all([getRetentionSettings(), activeHoldsOn(recording), resourceRetention(recording.resourceId)]);
  const days = resourceDays ?? settings.defaultDays;
  const end = Date.parse(recording.endedAt ?? recording.startedAt);
  const isHeld = holds.length > 0;
  const deletesAt = days > 0 && !isHeld ? new Date(end + days * DAY_MS).toISOString() : null;
  return {
    days,
    source: resourceDays === null ? 'default' : 'resource',
    deletesAt,
    isHeld,
    holds: canSeeAll(actor) ? holds : [],
    ownerMayDelete: settings.ownersMayDelete && !isHeld,
  };
}

async function resourceRetention(resourceId: string | null): Promise<number | null> {
  if (!resourceId) return null;
  const [row] = await db().select({ days: resources.retentionDays }).from(resources).where(eq(resources.id, resourceId));
  return row?.days ?? null;
}
