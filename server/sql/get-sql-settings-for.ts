import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { AppError } from '../errors/app-error';
import { requireResource } from '../resources/find-resource';
import { getSqlSettings, type EffectiveSqlSettings } from './get-sql-settings';

/** Admins read a database resource's SQL console settings. */
export async function getSqlSettingsFor({ actor, resourceId }: { actor: Actor; resourceId: string }): Promise<EffectiveSqlSettings> {
  requireRole(actor, 'admin');
  const resource = await requireResource(resourceId);
  if (resource.type !== 'postgres' && resource.type !== 'mysql')
    throw new AppError('BAD_REQUEST', { userMessage: 'Only database resources have SQL settings.' });
  return getSqlSettings(resource);
}
