import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import { activeHoldsOn } from './list-holds';
import type { HoldView } from './hold-schemas';
import { getRetentionSettings } from './retention-settings';

export type RecordingRetention = {
  /** Days kept after the end; 0 = forever. */
  days: number;
  /** Whether the days come from the resource or the installation's default. */
  source: 'resource' | 'default';
  /** When the purge job removes it (ISO); null when kept forever or while held. */
  deletesAt: string | null;
  holds: HoldView[];
  /** Whether the owner may delete it now (the setting allows it and no hold covers it). */
  ownerMayDelete: boolean;
};

const DAY_MS = 86_400_000;

/** What happens to one recording: when it goes, and what holds it. */
export async function recordingRetention(recording: { id: string; userId: string; resourceId: string | null; startedAt: string; endedAt: string | null }): Promise<RecordingRetention> {
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
