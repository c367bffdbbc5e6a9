import { z } from 'zod';
import { db } from '@/db/client';
import { READ_ONLY_MODES, sqlSettings } from '@/db/sql-schema';
import { POLICY_ACTIONS, RISK_CLASSES } from '@/lib/sql/risk-classes';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { requireResource } from '../resources/find-resource';
import { getSqlSettings, type EffectiveSqlSettings } from './get-sql-settings';
import { numberField } from '@/lib/number-field';

const action = z.enum(POLICY_ACTIONS);

export const sqlSettingsInput = z.object({
  policy: z.object(Object.fromEntries(RISK_CLASSES.map((riskClass) => [riskClass, action])) as Record<(typeof RISK_CLASSES)[number], typeof action>),
  readOnly: z.enum(READ_ONLY_MODES),
  statementTimeoutSeconds: numberField((n) => n.int('Whole seconds').min(0, '0 means no limit').max(86_400, 'At most a day')),
  rowCap: numberField((n) => n.int('A whole number').min(1, 'At least 1').max(1_000_000, 'At most 1,000,000')),
  recordedRows: numberField((n) => n.int('A whole number').min(0).max(10_000, 'At most 10,000')),
  columnMasks: z
    .array(
      z.object({
        pattern: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .regex(/^[\w*.$-]+$/, 'Letters, digits, _ and * wildcards'),
        strategy: z.enum(['full', 'keep-last-4', 'email']),
      }),
    )
    .max(100),
});
export type SqlSettingsInput = z.input<typeof sqlSettingsInput>;

/** Admins set a database resource's SQL policy, limits and column masks. */
export async function updateSqlSettings({
  actor,
  resourceId,
  input,
}: {
  actor: Actor;
  resourceId: string;
  input: SqlSettingsInput;
}): Promise<EffectiveSqlSettings> {
  requireRole(actor, 'admin');
  const resource = await requireResource(resourceId);
  if (resource.type !== 'postgres' && resource.type !== 'mysql')
    throw new AppError('BAD_REQUEST', { userMessage: 'Only database resources have SQL settings.' });
  const parsed = sqlSettingsInput.parse(input);
  const values = {
    policy: parsed.policy,
    readOnly: parsed.readOnly,
    statementTimeoutMs: parsed.statementTimeoutSeconds * 1000,
    rowCap: parsed.rowCap,
    recordedRows: parsed.recordedRows,
    columnMasks: parsed.columnMasks,
    updatedAt: new Date(),
    updatedBy: actor.id,
  };
  await db().transaction(async (tx) => {
    await tx
      .insert(sqlSettings)
      .values({ resourceId, ...values })
      .onConflictDoUpdate({ target: sqlSettings.resourceId, set: values });
    await recordAuditEvent({ actorId: actor.id, action: 'resource.sql_settings', targetType: 'resource', targetId: resourceId, data: { ...parsed } }, tx);
  });
  return getSqlSettings(resource);
}
