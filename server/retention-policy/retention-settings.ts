import { z } from 'zod';
import { readSetting, writeSetting } from '../bootstrap/settings';
import { recordAuditEvent } from '../audit/record-audit-event';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { db } from '@/db/client';
import { numberField } from '@/lib/number-field';

// Below recording/ and retention/ (with hold-condition.ts): the recording's Object Lock terms read
// the policy (recording/object-lock-terms.ts), and retention/ purges by it.
const SETTING_KEY = 'recordings.retention';

export const retentionSettingsInput = z.object({
  /** Days a recording is kept after it ends, unless its resource says otherwise; 0 keeps it forever. */
  defaultDays: numberField((n) => n.int('Whole days only').min(0, 'Use 0 to keep recordings forever').max(36_500, 'At most 100 years')),
  /** Whether owners may delete their own recordings (never one under a legal hold). */
  ownersMayDelete: z.boolean(),
});
export type RetentionSettings = z.output<typeof retentionSettingsInput>;

/** Until an admin chooses: keep everything, and only admins' purge job removes anything. */
export const DEFAULT_RETENTION: RetentionSettings = { defaultDays: 0, ownersMayDelete: false };

export async function getRetentionSettings(): Promise<RetentionSettings> {
  const stored = retentionSettingsInput.safeParse(await readSetting(SETTING_KEY));
  return stored.success ? stored.data : DEFAULT_RETENTION;
}

export async function updateRetentionSettings({ actor, input }: { actor: Actor; input: unknown }): Promise<RetentionSettings> {
  requireRole(actor, 'admin');
  const next = retentionSettingsInput.parse(input);
  const before = await getRetentionSettings();
  await db().transaction(async (tx) => {
    await writeSetting(SETTING_KEY, next, tx);
    await recordAuditEvent(
      { actorId: actor.id, action: 'settings.retention_updated', targetType: 'settings', targetId: SETTING_KEY, data: { before, after: next } },
      tx,
    );
  });
  return next;
}
