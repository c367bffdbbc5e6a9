import { eq } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { log } from '../log/logger';

/** While recording, the row's progress (sizes, head hash, masks) is written at most this often. */
export const ROW_UPDATE_MS = 1000;

type RowColumns = PgUpdateSetSource<typeof recordings>;

/**
 * Writes a live recording's row. Progress goes at most once per interval, with the latest
 * values (on bulk output a row update per sealed chunk cost more CPU than the recording
 * itself); every write goes in order, so a late progress update never lands after the final
 * one. The chain's head in the row may lag the store while recording: verification allows it.
 */
export class RecordingRowWriter {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private lastWriteAt = 0;
  private pending: (() => RowColumns) | undefined;
  private isClosed = false;

  constructor(
    private readonly recordingId: string,
    private readonly intervalMs = ROW_UPDATE_MS,
  ) {}

  /** Progress: written now if the last write is old enough, otherwise when the interval ends. */
  progress(columns: () => RowColumns): void {
    if (this.isClosed) return;
    this.pending = columns;
    if (this.timer) return;
    const wait = this.lastWriteAt + this.intervalMs - Date.now();
    if (wait <= 0) this.writePending();
    else this.timer = setTimeout(() => this.writePending(), wait).unref();
  }

  /** The last write (complete, failed), after any progress already under way; rejects if it fails. */
  final(columns: RowColumns): Promise<void> {
    this.isClosed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    return this.enqueue(columns);
  }

  private writePending(): void {
    this.timer = undefined;
    const columns = this.pending;
    this.pending = undefined;
    if (!columns || this.isClosed) return;
    this.lastWriteAt = Date.now();
    this.enqueue(columns()).catch((error: unknown) => log().error({ recordingId: this.recordingId, err: error }, 'cannot update its row'));
  }

  private enqueue(columns: RowColumns): Promise<void> {
    const write = this.chain.then(async () => {
      await db().update(recordings).set(columns).where(eq(recordings.id, this.recordingId));
    });
    this.chain = write.catch(() => undefined);
    return write;
  }
}
