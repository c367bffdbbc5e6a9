import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import { activeHoldsOn } from './list-holds';
import type { RecordingRetention } from '@/lib/retention/retention-views';
import { getRetentionSettings } from '../retention-policy/retention-settings';

export type { RecordingRetention } from '@/lib/retention/retention-views';

const DAY_MS = 86_400_000;

/** What happens to one recording: when it goes, and what holds it. */
export async function recordingRetention(recording: {
  id: string;
  userId: string;
  resourceId: string | null;
  startedAt: string;
  endedAt: string | null;
}): Promise<RecordingRetention> {
  const [settings, holds, resourceDays] = await Promise.all([getRetentionSettings(), activeHoldsOn(recording), resourceRetention(recording.resourceId)]);
  const days = resourceDays ?? settings.defaultDays;
  const end = Date.parse(recording.endedAt ?? recording.startedAt);
  const deletesAt = days > 0 && holds.length === 0 ? new Date(end + days * DAY_MS).toISOString() : null;
  return { days, source: resourceDays === null ? 'default' : 'resource', deletesAt, holds, ownerMayDelete: settings.ownersMayDelete && holds.length === 0 };
}

async function resourceRetention(resourceId: string | null): Promise<number | null> {
  if (!resourceId) return null;
  const [row] = await db().select({ days: resources.retentionDays }).from(resources).where(eq(resources.id, resourceId));
  return row?.days ?? null;
}
