import { buildReplayModel, type SqlReplayModel } from '@/lib/sql/replay-model';
import { toResultsCsv, toSqlJson, toSqlScript } from '@/lib/sql/sql-recording-export';
import type { RecordingKind } from '@/lib/recording/recording-kind';
import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { listAnnotations } from './annotations/list-annotations';
import type { RecordingRow } from './find-recording';
import { iterateEvents } from './read-events';
import { HTTP_EXPORT_FORMATS, SQL_EXPORT_FORMATS, TERMINAL_EXPORT_FORMATS } from './recording-schemas';
import { toRecordingView } from './recording-view';
import { sqlSummaries } from './sql-summaries';

export type SqlExportFormat = (typeof SQL_EXPORT_FORMATS)[number];
export type TerminalExportFormat = (typeof TERMINAL_EXPORT_FORMATS)[number];
type File = { filename: string; contentType: string; text: string };

/**
 * The format asked for, if this kind of recording has it (each kind's first format when none
 * is asked for). A terminal format of a SQL recording would come out empty: refused, with why.
 */
export function exportFormatFor(kind: RecordingKind, format: string | undefined): string {
  const formats: readonly string[] = kind === 'sql' ? SQL_EXPORT_FORMATS : kind === 'http' ? HTTP_EXPORT_FORMATS : TERMINAL_EXPORT_FORMATS;
  if (format === undefined) return formats[0]!;
  if (formats.includes(format)) return format;
  const what = { sql: 'a SQL console session', http: 'an HTTP console session', terminal: 'a terminal session' }[kind];
  throw new AppError('BAD_REQUEST', { userMessage: `This recording is ${what}: it exports as ${formats.join(', ')}, not ${format}.` });
}

async function replayModelOf(row: RecordingRow): Promise<SqlReplayModel> {
  const events: [number, string, string][] = [];
  for await (const event of iterateEvents(row.recording)) if (event.kind === 'm') events.push([event.t, 'm', event.data.toString('utf8')]);
  return buildReplayModel(events);
}

/**
 * A SQL recording as a `.sql` script, JSON (runs, statements, results, reviews, notes) or CSV
 * of results (`statement`: one statement's, from 1; all when left out). Everything comes from
 * the recorded events, so values are masked as they were recorded.
 */
export async function exportSqlRecording({
  actor,
  row,
  format,
  statement,
  base,
}: {
  actor: Actor;
  row: RecordingRow;
  format: SqlExportFormat;
  statement?: number;
  base: string;
}): Promise<File> {
  const model = await replayModelOf(row);
  const { recording, session, user } = row;
  if (format === 'sql') {
    const title = `${session.resourceName} — ${user.email}, ${recording.startedAt.toISOString()}`;
    return {
      filename: `${base}.sql`,
      contentType: 'application/sql; charset=utf-8',
      text: toSqlScript(model, { title, startedAt: recording.startedAt.toISOString() }),
    };
  }
  if (format === 'csv') {
    const csv = toResultsCsv(model, statement);
    if (csv === undefined) throw new AppError('NOT_FOUND', { userMessage: `Statement ${statement} has no result rows in this recording.` });
    return { filename: `${base}${statement ? `-statement-${statement}` : '-results'}.csv`, contentType: 'text/csv; charset=utf-8', text: csv };
  }
  const summary = (await sqlSummaries([recording.id])).get(recording.id);
  const document = {
    format: 'porthole-sql-recording',
    version: 1,
    recording: toRecordingView(row, summary),
    runs: toSqlJson(model),
    annotations: await listAnnotations({ actor, recordingId: recording.id }),
  };
  return { filename: `${base}.json`, contentType: 'application/json', text: `${JSON.stringify(document, null, 2)}\n` };
}
