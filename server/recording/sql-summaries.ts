import { inArray, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingCommands } from '@/db/recording-schema';
import type { SqlSummary } from './recording-schemas';

/**
 * Statement, row and error counts of SQL recordings, from the command index (one row per
 * statement, written as it runs): one grouped query for a whole page of recordings.
 */
export async function sqlSummaries(recordingIds: string[]): Promise<Map<string, SqlSummary>> {
  const summaries = new Map<string, SqlSummary>();
  if (recordingIds.length === 0) return summaries;
  const rows = await db()
    .select({
      recordingId: recordingCommands.recordingId,
      statements: sql<string>`count(*)`,
      rows: sql<string | null>`sum(${recordingCommands.rowCount})`,
      errors: sql<string>`count(*) filter (where ${recordingCommands.exitCode} = 1)`,
    })
    .from(recordingCommands)
    .where(inArray(recordingCommands.recordingId, recordingIds))
    .groupBy(recordingCommands.recordingId);
  for (const id of recordingIds) summaries.set(id, { statements: 0, rows: 0, errors: 0 });
  for (const row of rows) summaries.set(row.recordingId, { statements: Number(row.statements), rows: Number(row.rows ?? 0), errors: Number(row.errors) });
  return summaries;
}
