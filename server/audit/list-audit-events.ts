import { and, desc, eq, gte, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { requireRole } from '../actor/require-role';
import { AppError } from '../errors/app-error';
import { auditQuery, type AuditEventView, type AuditPageView, type AuditQuery } from './audit-schemas';
import { isUuid } from '@/lib/uuid/is-uuid';
import { assertRangeInOrder } from '../errors/date-range';

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Cursor = the last row's time and id, so pages stay stable while new events arrive. The
 * time is the database's own text (microseconds; a JS Date would round them away).
 */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

/** PostgreSQL's text of a timestamp (`2026-12-06 11:34:13.123+00`) naming a real moment: a forged cursor is refused, not sent to the database. */
function isTimestampText(at: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:[+-]\d{2}(?::?\d{2})?)?$/.exec(at);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || !isUuid(id) || !isTimestampText(at)) {
    throw new AppError('BAD_REQUEST', { userMessage: 'The page cursor is not valid. Start from the first page.' });
  }
  return { at, id };
}

function filtersOf(query: ReturnType<typeof auditQuery.parse>): SQL[] {
  const filters: SQL[] = [];
  if (query.actor) {
    const isId = isUuid(query.actor);
    const match = isId ? eq(auditEvents.actorId, query.actor) : or(ilike(users.email, like(query.actor)), ilike(users.name, like(query.actor)));
    if (match) filters.push(match);
  }
  if (query.resourceId) {
    const match = or(
      and(eq(auditEvents.targetType, 'resource'), eq(auditEvents.targetId, query.resourceId)),
      sql`${auditEvents.data}->>'resourceId' = ${query.resourceId}`,
    );
    if (match) filters.push(match);
  }
  if (query.action) {
    filters.push(query.action.endsWith('.') ? ilike(auditEvents.action, `${query.action.replace(/_/g, '\\_')}%`) : eq(auditEvents.action, query.action));
  }
  if (query.from) filters.push(gte(auditEvents.at, query.from));
  if (query.to) filters.push(lte(auditEvents.at, query.to));
  if (query.cursor) {
    const { at, id } = decodeCursor(query.cursor);
    filters.push(sql`(${auditEvents.at}, ${auditEvents.id}) < (${at}::timestamptz, ${id}::uuid)`);
  }
  return filters;
}

/** The audit log, newest first, one page at a time (admins and auditors). */
export async function listAuditEvents({ actor, query = {} }: { actor: Actor; query?: AuditQuery }): Promise<AuditPageView> {
  requireRole(actor, 'admin', 'auditor');
  const parsed = auditQuery.parse(query);
  assertRangeInOrder(parsed.from, parsed.to);
  const rows = await db()
    .select({ event: auditEvents, atText: sql<string>`${auditEvents.at}::text`, actorEmail: users.email, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(...filtersOf(parsed)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(parsed.limit + 1);
  const page = rows.slice(0, parsed.limit);
  const last = page[page.length - 1];
  return {
    events: page.map(({ event, actorEmail, actorName }): AuditEventView => ({
      id: event.id,
      at: event.at.toISOString(),
      actor: event.actorId && actorEmail !== null ? { id: event.actorId, email: actorEmail, name: actorName ?? '' } : null,
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      data: event.data,
    })),
    nextCursor: rows.length > parsed.limit && last ? encodeCursor(last.atText, last.event.id) : null,
  };
}

/** Every matching event as JSON lines, read page by page so a large log never sits in memory. */
export async function* exportAuditEvents({ actor, query = {} }: { actor: Actor; query?: AuditQuery }): AsyncGenerator<string> {
  requireRole(actor, 'admin', 'auditor');
  let cursor: string | undefined;
  do {
    const page = await listAuditEvents({ actor, query: { ...query, cursor, limit: 500 } });
    for (const event of page.events) yield `${JSON.stringify(event)}\n`;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
