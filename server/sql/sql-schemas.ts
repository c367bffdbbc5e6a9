import { z } from 'zod';
import { READ_ONLY_MODES, SQL_REVIEW_STATUSES } from '@/db/sql-schema';
import { POLICY_ACTIONS, RISK_CLASSES } from '@/lib/sql/risk-classes';

const action = z.enum(POLICY_ACTIONS);
const columnMask = z.object({ pattern: z.string(), strategy: z.enum(['full', 'keep-last-4', 'email']) });

/** A database resource's SQL console settings, defaults filled in. */
export const sqlSettingsView = z.object({
  policy: z.object(Object.fromEntries(RISK_CLASSES.map((riskClass) => [riskClass, action])) as Record<(typeof RISK_CLASSES)[number], typeof action>),
  readOnlyMode: z.enum(READ_ONLY_MODES),
  isReadOnly: z.boolean(),
  statementTimeoutMs: z.number(),
  rowCap: z.number(),
  recordedRows: z.number(),
  columnMasks: z.array(columnMask),
});

export const sqlReviewView = z.object({
  id: z.uuid(),
  sessionId: z.uuid(),
  resourceId: z.uuid().nullable(),
  resourceName: z.string(),
  requesterName: z.string(),
  requesterEmail: z.string(),
  script: z.string(),
  statements: z.array(z.object({ text: z.string(), classes: z.array(z.string()), action, reasons: z.array(z.string()) })),
  reason: z.string(),
  status: z.enum(SQL_REVIEW_STATUSES),
  createdAt: z.string(),
});

export const sqlReviewDecisionInput = z.object({ comment: z.string().trim().max(1000).optional() });
export const sqlReviewDecisionView = z.object({ status: z.enum(['approved', 'denied']) });
