import { count, isNotNull } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { loadSigningKey } from '../crypto/signing-key';
import { env } from '../env';
import { getRetentionSettings } from '../retention-policy/retention-settings';
import { installationSettings, type SettingGroup } from './installation-settings';

/** The Settings page's groups, for admins only: the environment as parsed at start, and the settings kept in the database. */
export async function loadInstallationSettings({ actor }: { actor: Actor }): Promise<SettingGroup[]> {
  requireRole(actor, 'admin');
  const [retention, [own]] = await Promise.all([
    getRetentionSettings(),
    db().select({ n: count() }).from(resources).where(isNotNull(resources.inputIdleMinutes)),
  ]);
  return installationSettings(env(), { retention, resourcesWithOwnIdleLimit: own?.n ?? 0, signingKeyId: loadSigningKey().keyId });
}
