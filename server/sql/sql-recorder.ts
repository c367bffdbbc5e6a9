import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { encodeSqlEvent, type SqlEventInput } from '@/lib/sql/sql-events';
import { exitData, FORMAT_VERSION, type ExitData } from '../recording/format';
import { scheduleIndexing } from '../recording/index-queue';
import { HEATMAP_BUCKETS } from '../recording/index-recording';
import { activeRecordingIds, statsColumns } from '../recording/recorder';
import { RecordingLog } from '../recording/recording-log';
import { signSealedRecording } from '../recording/signing/sign-recording';
import { recordingStore } from '../recording/stores/select-store';
import { log as logger } from '../log/logger';
import { CommandIndexWriter, type CommandEnding } from './command-index-writer';

/**
 * The recording of one SQL console session, in the recording engineer's format: every SQL
 * event is a marker event (`m`) with a JSON payload (lib/sql/sql-events.ts), appended before
 * the browser sees it. Each statement is also a row of the session's command index, written
 * in batches as statements start and end (command-index-writer.ts), so the index is complete
 * without a replay pass over the events.
 */
export class SqlRecorder {
  private isFailed = false;
  private commandSeq = 0;
  /** Bytes of page and result events by time, for the activity heatmap. */
  private readonly activity: { t: number; bytes: number }[] = [];

  static async open({
    sessionId,
    userId,
    onFailure,
    onBehind,
  }: {
    sessionId: string;
    userId: string;
    onFailure: (message: string) => void;
    onBehind: (isBehind: boolean) => void;
  }): Promise<SqlRecorder> {
    const store = recordingStore();
    // The store and the log report failures before the recorder exists to receive them.
    const holder: { recorder?: SqlRecorder } = {};
    const writer = await store.create(sessionId, (error) => holder.recorder?.fail(error));
    await db().insert(recordings).values({ id: sessionId, userId, store: store.kind, formatVersion: FORMAT_VERSION, cols: 0, rows: 0 });
    const log = new RecordingLog({
      recordingId: sessionId,
      writer,
      onBehind,
      onSealed: (_chunk, stats) => {
        void db()
          .update(recordings)
          .set(statsColumns(stats))
          .where(eq(recordings.id, sessionId))
          .catch((error: unknown) => logger().error({ recordingId: sessionId, err: error }, 'cannot update its row'));
      },
      onError: (error) => holder.recorder?.fail(error),
    });
    const recorder = new SqlRecorder(sessionId, log, onFailure);
    holder.recorder = recorder;
    activeRecordingIds().add(sessionId);
    return recorder;
  }

  private readonly commandIndex: CommandIndexWriter;

  private constructor(
    readonly id: string,
    private readonly log: RecordingLog,
    private readonly onFailure: (message: string) => void,
  ) {
    this.commandIndex = new CommandIndexWriter(id);
  }

  /** Seconds since the session's recording started. */
  now(): number {
    return this.log.now();
  }

  /** Appends an event; false when the recording failed (the caller must not relay it). */
  record(event: SqlEventInput): boolean {
    const text = encodeSqlEvent(event);
    // Rows are recorded in pages, a statement's counts in its result: both are activity.
    const activity = event.sql === 'page' ? 0 : event.sql === 'result' ? (event.rowCount ?? 0) : undefined;
    return this.recordMarker(text, activity);
  }

  /**
   * Appends another console's JSON marker (an HTTP exchange) with the same failure rules;
   * `activity`, when given, counts the event's bytes plus it in the heatmap.
   */
  recordMarker(text: string, activity?: number): boolean {
    if (this.isFailed) return false;
    try {
      const data = Buffer.from(text, 'utf8');
      this.log.append('m', data);
      if (activity !== undefined) this.activity.push({ t: this.log.now(), bytes: data.length + activity });
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** Adds a statement to the command index (exit code 0 ok, 1 failed, set when it ends). */
  command(t: number, text: string): number {
    const seq = this.commandSeq++;
    this.commandIndex.add(seq, t, text);
    return seq;
  }

  /**
   * `error` is the message as the console showed it (masked), null when the statement succeeded;
   * `errorCode` the server's code for it. `rowCount`: rows returned or affected.
   */
  commandEnded(seq: number, ending: CommandEnding): void {
    this.commandIndex.end(seq, ending);
  }

  /** Writes the exit, seals the rest and marks the recording complete and indexed. */
  async finish(exit: ExitData): Promise<void> {
    if (this.isFailed) return;
    try {
      this.log.append('x', exitData(exit));
      const stats = await this.log.finish();
      await this.commandIndex.flush();
      await db()
        .update(recordings)
        .set({
          ...statsColumns(stats),
          status: 'complete',
          endedAt: sql`now()`,
          indexState: 'ready',
          commandCount: this.commandSeq,
          heatmap: this.heatmap(stats.duration),
        })
        .where(eq(recordings.id, this.id));
      await signSealedRecording(this.id);
      // Its statements and errors become searchable (the index job adds its search entries).
      scheduleIndexing(this.id).catch((error: unknown) => logger().error({ recordingId: this.id, err: error }, 'cannot index the recording'));
    } catch (error) {
      this.fail(error);
    } finally {
      activeRecordingIds().delete(this.id);
    }
  }

  private heatmap(duration: number): number[] {
    const buckets = new Array<number>(HEATMAP_BUCKETS).fill(0);
    const width = Math.max(duration, 1e-6) / HEATMAP_BUCKETS;
    for (const { t, bytes } of this.activity) buckets[Math.min(HEATMAP_BUCKETS - 1, Math.floor(t / width))]! += bytes;
    return buckets;
  }

  private fail(error: unknown): void {
    if (this.isFailed) return;
    this.isFailed = true;
    logger().error({ recordingId: this.id, err: error }, 'recording failed');
    this.log.abandon();
    activeRecordingIds().delete(this.id);
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    const message = `Recording stopped: the recording store failed${code ? ` (${code})` : ''}. Sessions are always recorded, so this one was ended.`;
    void db()
      .update(recordings)
      .set({ ...statsColumns(this.log.stats), status: 'failed', endedAt: sql`now()`, message })
      .where(eq(recordings.id, this.id))
      .catch(() => undefined);
    this.onFailure(message);
  }
}
