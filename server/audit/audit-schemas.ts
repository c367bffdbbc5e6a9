import { z } from 'zod';
import { numberField } from '@/lib/number-field';

const time = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const date = new Date(v);
    // JavaScript reads years up to ±275,760; PostgreSQL's timestamps do not go that far.
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1970 || date.getUTCFullYear() > 9999) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date and time between 1970 and 9999' });
      return z.NEVER;
    }
    return date;
  });

export const auditQuery = z.object({
  /** A user id, or part of an e-mail address or name. */
  actor: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => v || undefined),
  resourceId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.uuid('Choose a resource').optional()),
  /** An exact action (`request.approve`) or a prefix ending in a dot (`grant.`). */
  action: z
    .string()
    .trim()
    .max(64)
    .regex(/^[a-z_.]*$/, 'Actions look like request.approve or grant.')
    .optional()
    .transform((v) => v || undefined),
  from: time,
  to: time,
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: numberField((n) => n.int().min(1).max(500)).default(100),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditEventView = z.object({
  id: z.uuid(),
  at: z.string(),
  actor: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditPageView = z.object({ events: z.array(auditEventView), nextCursor: z.string().nullable() });
export type AuditPageView = z.infer<typeof auditPageView>;
