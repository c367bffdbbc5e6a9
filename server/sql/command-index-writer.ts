import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingCommands } from '@/db/recording-schema';
import { log as logger } from '../log/logger';

/** How a statement (or an HTTP exchange) ended, as its command-index row keeps it. */
export type CommandEnding = { durationMs: number; error: string | null; errorCode?: string | null; rowCount?: number | null };

type Row = typeof recordingCommands.$inferInsert;

/** Rows wait this long, so a statement that ends quickly is written once, with its ending, among its neighbours. */
export const COMMAND_FLUSH_MS = 50;
/** Rows per insert statement, well under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 500;

function endingColumns({ durationMs, error, errorCode = null, rowCount = null }: CommandEnding) {
  return {
    exitCode: error === null ? 0 : 1,
    duration: durationMs / 1000,
    failureReason: error?.slice(0, 1_000) ?? null,
    errorCode: errorCode?.slice(0, 40) ?? null,
    rowCount,
  };
}

/**
 * A console session's command index (one row per statement or HTTP exchange), written in
 * batches off the request path: every COMMAND_FLUSH_MS the rows that started meanwhile go in
 * one insert, each already carrying its ending if it had one; endings of rows written before
 * follow as updates. Writes run one after another, so an update never overtakes its insert.
 */
export class CommandIndexWriter {
  private readonly unwritten = new Map<number, Row>();
  private readonly lateEndings = new Map<number, CommandEnding>();
  private writes: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly recordingId: string) {}

  add(seq: number, t: number, text: string): void {
    this.unwritten.set(seq, { recordingId: this.recordingId, seq, t, text: text.slice(0, 10_000), exitCode: null });
    this.schedule();
  }

  end(seq: number, ending: CommandEnding): void {
    const row = this.unwritten.get(seq);
    if (row) Object.assign(row, endingColumns(ending));
    else this.lateEndings.set(seq, ending);
    this.schedule();
  }

  /** Writes everything waiting; resolves once every write so far is done (failures are logged, not thrown). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = [...this.unwritten.values()];
    const endings = [...this.lateEndings];
    this.unwritten.clear();
    this.lateEndings.clear();
    if (rows.length > 0 || endings.length > 0) {
      this.writes = this.writes
        .then(() => this.write(rows, endings))
        .catch((error: unknown) => logger().error({ recordingId: this.recordingId, err: error }, 'cannot index a statement'));
    }
    return this.writes;
  }

  private schedule(): void {
    // Unref'd: a batch waiting must not keep a stopping process alive (the session's finish flushes it).
    this.timer ??= setTimeout(() => void this.flush(), COMMAND_FLUSH_MS).unref();
  }

  private async write(rows: Row[], endings: [number, CommandEnding][]): Promise<void> {
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
      await db()
        .insert(recordingCommands)
        .values(rows.slice(i, i + ROWS_PER_INSERT));
    for (const [seq, ending] of endings) {
      await db()
        .update(recordingCommands)
        .set(endingColumns(ending))
        .where(sql`${recordingCommands.recordingId} = ${this.recordingId} and ${recordingCommands.seq} = ${seq}`);
    }
  }
}
