import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import type { MaskMark } from '@/lib/recording/mask-marks';
import type { Totals } from '@/lib/insights/insights-types';

/**
 * The rows a report is computed from, in a fixed number of queries whatever the period holds
 * (no query per recording). Each query starts from `recordings_user_idx` (user, started_at)
 * and reaches commands by their primary key (recording_id, seq).
 */
export type Window = { userId: string; start: Date; end: Date; isAutomatedHidden?: boolean };

/** Most commands read for one report: the most recent ones, enough for a busy month. */
export const MAX_COMMAND_ROWS = 20_000;
/** Most sessions read for one report (their times, resources and mask marks). */
export const MAX_SESSION_ROWS = 5_000;

/** Scripts' sessions (opened with an API token) can be left out; each query has `recordings` in scope. */
const notAutomated = sql`not exists (select 1 from ${sessions} where ${sessions.id} = ${recordings.id} and ${sessions.isAutomated})`;

const inWindow = ({ userId, start, end, isAutomatedHidden }: Window) =>
  and(eq(recordings.userId, userId), gte(recordings.startedAt, start), lt(recordings.startedAt, end), isAutomatedHidden ? notAutomated : undefined);

export type SessionRow = { recordingId: string; startedAt: Date; duration: number; resourceName: string; resourceType: string; maskMarks: MaskMark[] | null };

export async function loadSessionRows(window: Window): Promise<SessionRow[]> {
  return db()
    .select({
      recordingId: recordings.id,
      startedAt: recordings.startedAt,
      duration: recordings.duration,
      resourceName: sessions.resourceName,
      resourceType: sessions.resourceType,
      maskMarks: recordings.maskMarks,
    })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    .where(inWindow(window))
    .orderBy(desc(recordings.startedAt))
    .limit(MAX_SESSION_ROWS);
}

export type CommandRow = {
  recordingId: string;
  seq: number;
  t: number;
  text: string;
  exitCode: number | null;
  duration: number | null;
  failureReason: string | null;
  rowCount: number | null;
  errorCode: string | null;
  startedAt: Date;
  resourceId: string | null;
  resourceName: string;
  resourceType: string;
};

/** Oldest first; when there are more than MAX_COMMAND_ROWS, the most recent ones. */
export async function loadCommandRows(window: Window): Promise<CommandRow[]> {
  const rows = await db()
    .select({
      recordingId: recordingCommands.recordingId,
      seq: recordingCommands.seq,
      t: recordingCommands.t,
      text: recordingCommands.text,
      exitCode: recordingCommands.exitCode,
      duration: recordingCommands.duration,
      failureReason: recordingCommands.failureReason,
      rowCount: recordingCommands.rowCount,
      errorCode: recordingCommands.errorCode,
      startedAt: recordings.startedAt,
      resourceId: sessions.resourceId,
      resourceName: sessions.resourceName,
      resourceType: sessions.resourceType,
    })
    .from(recordingCommands)
    .innerJoin(recordings, eq(recordings.id, recordingCommands.recordingId))
    .innerJoin(sessions, eq(sessions.id, recordings.id))
    .where(inWindow(window))
    .orderBy(desc(recordings.startedAt), desc(recordingCommands.seq))
    .limit(MAX_COMMAND_ROWS);
  return rows.reverse();
}

/** A command failed: a non-zero exit code, or output (or a database error) saying so. */
export const FAILED_COMMAND = sql`(${recordingCommands.exitCode} <> 0 or ${recordingCommands.failureReason} is not null)`;

/** Counts for the whole window, not only the rows read, so a busy period compares truthfully. */
export async function loadTotals(window: Window): Promise<Totals> {
  const [sessionTotals, commandTotals] = await Promise.all([
    db()
      .select({
        sessions: sql<number>`count(*)::int`,
        seconds: sql<number>`coalesce(sum(${recordings.duration}), 0)::float8`,
        masks: sql<number>`coalesce(sum(${recordings.maskCount}), 0)::int`,
      })
      .from(recordings)
      .where(inWindow(window)),
    db()
      .select({ commands: sql<number>`count(*)::int`, failed: sql<number>`(count(*) filter (where ${FAILED_COMMAND}))::int` })
      .from(recordingCommands)
      .innerJoin(recordings, eq(recordings.id, recordingCommands.recordingId))
      .where(inWindow(window)),
  ]);
  const s = sessionTotals[0];
  const c = commandTotals[0];
  return {
    sessions: Number(s?.sessions ?? 0),
    seconds: Number(s?.seconds ?? 0),
    masks: Number(s?.masks ?? 0),
    commands: Number(c?.commands ?? 0),
    failed: Number(c?.failed ?? 0),
  };
}
