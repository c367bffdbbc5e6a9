import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import type { Resource } from '@/db/schema';
import { sqlSettings, type ColumnMaskRule, type ReadOnlyMode } from '@/db/sql-schema';
import { DEFAULT_SQL_POLICY, RISK_CLASSES, type SqlPolicy } from '@/lib/sql/risk-classes';

export const DEFAULT_ROW_CAP = 10_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 60_000;
export const DEFAULT_RECORDED_ROWS = 100;

/** What a console session on a resource runs under, with every default filled in. */
export type EffectiveSqlSettings = {
  policy: SqlPolicy;
  readOnlyMode: ReadOnlyMode;
  isReadOnly: boolean;
  statementTimeoutMs: number;
  rowCap: number;
  recordedRows: number;
  columnMasks: ColumnMaskRule[];
};

export function isProduction(resource: Pick<Resource, 'tags'>): boolean {
  return resource.tags.some((tag) => /^(env|environment)=(prod|production)$/i.test(tag));
}

export async function getSqlSettings(resource: Pick<Resource, 'id' | 'tags'>): Promise<EffectiveSqlSettings> {
  const [row] = await db().select().from(sqlSettings).where(eq(sqlSettings.resourceId, resource.id));
  const readOnlyMode = row?.readOnly ?? 'auto';
  // Stored policies may predate a class: fill it from the defaults.
  const policy = Object.fromEntries(RISK_CLASSES.map((riskClass) => [riskClass, row?.policy[riskClass] ?? DEFAULT_SQL_POLICY[riskClass]])) as SqlPolicy;
  return {
    policy,
    readOnlyMode,
    isReadOnly: readOnlyMode === 'on' || (readOnlyMode === 'auto' && isProduction(resource)),
    statementTimeoutMs: row?.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    rowCap: row?.rowCap ?? DEFAULT_ROW_CAP,
    recordedRows: row?.recordedRows ?? DEFAULT_RECORDED_ROWS,
    columnMasks: row?.columnMasks ?? [],
  };
}
