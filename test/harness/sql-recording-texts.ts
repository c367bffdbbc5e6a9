import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { auditEvents, sessions } from '@/db/schema';
import { sqlReviews } from '@/db/sql-schema';
import { decodeSqlEvent, type SqlEvent } from '@/lib/sql/sql-events';
import type { Actor } from '@/server/actor/actor';
import { exportRecording } from '@/server/recording/export-recording';
import { iterateEvents } from '@/server/recording/read-events';

/** Everything a SQL session left behind that a person can read later, each as text. */
export type SqlSessionTexts = {
  events: SqlEvent[];
  /** The stored events as the recording holds them (marker text). */
  recording: string;
  /** The command index (statement list). */
  commands: string[];
  json: string;
  /** The `.sql` export. */
  sql: string;
  /** The CSV export of every result. */
  csv: string;
  reviews: string;
  /** Every audit event (tests truncate between cases). */
  audit: string;
};

async function waitUntilEnded(sessionId: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const [row] = await db().select({ status: sessions.status }).from(sessions).where(eq(sessions.id, sessionId));
    const [recording] = await db().select({ status: recordings.status }).from(recordings).where(eq(recordings.id, sessionId));
    if (row?.status === 'ended' && recording?.status !== 'recording') return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the session never ended');
}

const readAll = async (body: ReadableStream<Uint8Array>) => new Response(body).text();

/** Call after the console closed: waits for the session's end, then reads every stored and exported form. */
export async function sqlSessionTexts(actor: Actor, sessionId: string): Promise<SqlSessionTexts> {
  await waitUntilEnded(sessionId);
  const [recording] = await db().select().from(recordings).where(eq(recordings.id, sessionId));
  if (!recording) throw new Error('no recording');
  const events: SqlEvent[] = [];
  const markers: string[] = [];
  for await (const event of iterateEvents(recording)) {
    const text = event.data.toString('utf8');
    markers.push(text);
    const decoded = event.kind === 'm' ? decodeSqlEvent(text) : undefined;
    if (decoded) events.push(decoded);
  }
  const commands = await db()
    .select({ text: recordingCommands.text })
    .from(recordingCommands)
    .where(eq(recordingCommands.recordingId, sessionId))
    .orderBy(recordingCommands.seq);
  const json = await readAll((await exportRecording({ actor, recordingId: sessionId, format: 'json' })).body);
  const sql = await readAll((await exportRecording({ actor, recordingId: sessionId, format: 'sql' })).body);
  const csv = await readAll((await exportRecording({ actor, recordingId: sessionId, format: 'csv' })).body);
  const reviews = JSON.stringify(await db().select().from(sqlReviews).where(eq(sqlReviews.sessionId, sessionId)));
  const audit = JSON.stringify(await db().select().from(auditEvents));
  return { events, recording: markers.join('\n'), commands: commands.map((c) => c.text), json, sql, csv, reviews, audit };
}

/** Every text of the session in one list, named, for "no secret anywhere" assertions. */
export function allTexts(texts: SqlSessionTexts): [string, string][] {
  return [
    ['recording', texts.recording],
    ['command index', texts.commands.join('\n')],
    ['JSON export', texts.json],
    ['SQL export', texts.sql],
    ['CSV export', texts.csv],
    ['reviews', texts.reviews],
    ['audit log', texts.audit],
  ];
}
