import { and, eq, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '@/db/client';
import { annotations, type Annotation } from '@/db/recording-schema';
import { recordingSearchStates, SEARCH_INDEX_VERSION, searchEntries } from '@/db/search-schema';
import type { IndexedCommand } from './command-tracker-model';
import { toBlocks } from './search-blocks';
import { searchVector } from './search-words';
import { MAX_LINE_CHARS, type SearchLine } from './search-lines';

/** A row to write; its `tsv` is computed as it is written. */
type NewEntry = Omit<typeof searchEntries.$inferInsert, 'tsv'>;

/** Rows per INSERT: 9 parameters each, well under PostgreSQL's 65,535. */
const BATCH = 1000;
/**
 * Text per INSERT, at most (about): PGlite computes the tsvector and trigram entries on this
 * thread, the gateway's, so a recording's blocks go in several statements with turns for
 * live sessions between them, not in one that stalls them. About one block a statement: on
 * the 2-core machine of docs/benchmarks.md PGlite took 65–95 ms per 256 KiB of text, so
 * keystrokes waited that long.
 */
const BATCH_CHARS = 64 * 1024;

/** Notes are searched by their body and their tags (`#tag`). */
export function noteText(note: Pick<Annotation, 'body' | 'tags'>): string {
  const tags = note.tags.map((tag) => `#${tag}`).join(' ');
  return tags ? `${note.body}\n${tags}` : note.body;
}

const isFailedCommand = (command: IndexedCommand) => (command.exitCode !== null && command.exitCode !== 0) || command.failureReason !== null;

/**
 * Replaces a recording's search entries with what one indexing pass found (output in blocks of
 * lines, search-blocks.ts), plus its notes, and marks it searchable: inside the index job's
 * transaction, so a search sees all or nothing.
 */
export async function writeSearchEntries(tx: Tx, recordingId: string, commands: IndexedCommand[], lines: SearchLine[]): Promise<void> {
  await tx.delete(searchEntries).where(eq(searchEntries.recordingId, recordingId));
  const notes = await tx.select().from(annotations).where(eq(annotations.recordingId, recordingId));
  const { blocks, others } = toBlocks(lines);
  const rows: NewEntry[] = [
    ...commands.map((command) => ({ kind: 'command' as const, t: command.t, text: command.text.slice(0, MAX_LINE_CHARS), failed: isFailedCommand(command) })),
    ...blocks,
    ...others,
    ...notes.map((note) => ({ kind: 'note' as const, t: note.t, text: noteText(note), failed: false, annotationId: note.id })),
  ]
    .filter((row) => row.text.trim().length > 0)
    .map((row, seq) => ({ ...row, recordingId, seq }));
  for (const batch of batches(rows)) {
    // A turn for sockets and timers first (after the statements before, too): statements can
    // answer within microtasks alone.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await tx.insert(searchEntries).values(batch.map((row) => ({ ...row, tsv: searchVector(row.text) })));
  }
  await markSearchState(tx, recordingId, 'ready', rows.length);
}

function* batches(rows: NewEntry[]): Generator<NewEntry[]> {
  let batch: NewEntry[] = [];
  let chars = 0;
  for (const row of rows) {
    // Closed before a row that would take it past a limit: a statement holds at most BATCH_CHARS
    // of text, unless one row alone holds more.
    if (batch.length > 0 && (batch.length >= BATCH || chars + row.text.length > BATCH_CHARS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(row);
    chars += row.text.length;
  }
  if (batch.length > 0) yield batch;
}

export async function markSearchState(executor: Tx | Db, recordingId: string, state: 'ready' | 'failed', entryCount = 0): Promise<void> {
  const version = SEARCH_INDEX_VERSION;
  await executor
    .insert(recordingSearchStates)
    .values({ recordingId, state, entryCount, version })
    .onConflictDoUpdate({ target: recordingSearchStates.recordingId, set: { state, entryCount, version, indexedAt: sql`now()` } });
}

/** A note was written or edited: its entry follows, if the recording is searchable yet (else its indexing adds it). */
export async function syncNoteEntry(note: Annotation): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.delete(searchEntries).where(and(eq(searchEntries.recordingId, note.recordingId), eq(searchEntries.annotationId, note.id)));
    const [state] = await tx.select().from(recordingSearchStates).where(eq(recordingSearchStates.recordingId, note.recordingId));
    if (state?.state !== 'ready') return;
    const text = noteText(note);
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${searchEntries.seq}), -1)::int` })
      .from(searchEntries)
      .where(eq(searchEntries.recordingId, note.recordingId));
    await tx
      .insert(searchEntries)
      .values({ recordingId: note.recordingId, seq: (last?.seq ?? -1) + 1, kind: 'note', t: note.t, text, tsv: searchVector(text), annotationId: note.id });
  });
}
