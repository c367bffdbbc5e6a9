import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions } from '@/db/schema';
import { decodeSqlEvent } from '@/lib/sql/sql-events';
import { iterateEvents } from '../read-events';
import { verifyChain } from '../verify-recording';

/** What the parent asks a gateway child about a recording (see gateway-child.ts). */
export type RecordingQuestion = { type: 'inspect'; id: string; file: string } | { type: 'verify'; id: string } | { type: 'sql-events'; id: string };

/** Answers one question; imported only after the child has set its environment and opened its database. */
export async function answerRecordingQuestion(question: RecordingQuestion): Promise<unknown> {
  const [recording] = await db().select().from(recordings).where(eq(recordings.id, question.id));
  if (!recording) throw new Error('no recording');
  if (question.type === 'verify') return { type: 'verify', verify: await verifyChain(recording) };
  if (question.type === 'sql-events') {
    const events: unknown[] = [];
    for await (const event of iterateEvents(recording)) if (event.kind === 'm') events.push(decodeSqlEvent(event.data.toString('utf8')));
    return { type: 'sql-events', events: events.filter(Boolean) };
  }
  const [session] = await db().select().from(sessions).where(eq(sessions.id, question.id));
  const output: Buffer[] = [];
  for await (const event of iterateEvents(recording)) if (event.kind === 'o') output.push(event.data);
  fs.writeFileSync(question.file, Buffer.concat(output));
  return {
    type: 'inspect',
    recording: { status: recording.status, outputBytes: recording.outputBytes, chunkCount: recording.chunkCount },
    sessionStatus: session?.status,
    verify: await verifyChain(recording),
  };
}
