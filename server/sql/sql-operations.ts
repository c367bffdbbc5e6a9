import { z } from 'zod';
import { sqlReviewDecisionInput, sqlReviewDecisionView, sqlReviewView, sqlSettingsView } from './sql-schemas';
import { sqlSettingsInput } from './update-sql-settings';

/** The SQL console's endpoints, for server/api/openapi.ts. */
export const sqlOperations = [
  {
    method: 'get',
    path: '/resources/{id}/sql-settings',
    summary: "A database resource's SQL console settings: statement policy, read-only mode, limits, column masks",
    tag: 'SQL',
    roles: 'admin',
    response: sqlSettingsView,
  },
  {
    method: 'put',
    path: '/resources/{id}/sql-settings',
    summary: "Replace a database resource's SQL console settings (new console sessions use them)",
    tag: 'SQL',
    roles: 'admin',
    body: sqlSettingsInput,
    response: sqlSettingsView,
  },
  { method: 'get', path: '/sql-reviews', summary: 'Held SQL statements waiting for my decision (never my own)', tag: 'SQL', response: z.array(sqlReviewView) },
  {
    method: 'post',
    path: '/sql-reviews/{id}/approve',
    summary: "Approve a held submission: it runs in the engineer's open console",
    tag: 'SQL',
    body: sqlReviewDecisionInput,
    response: sqlReviewDecisionView,
  },
  {
    method: 'post',
    path: '/sql-reviews/{id}/deny',
    summary: 'Deny a held submission (a comment is required): it never runs, the engineer sees why',
    tag: 'SQL',
    body: sqlReviewDecisionInput,
    response: sqlReviewDecisionView,
  },
] as const;
