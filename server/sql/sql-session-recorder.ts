import type { SqlEventInput } from '@/lib/sql/sql-events';
import { decideRecording } from '../recording/recording-policy';
import { SqlRecorder } from './sql-recorder';

/** What a SQL session needs of its recorder. */
export type SqlSessionRecorder = Pick<SqlRecorder, 'now' | 'record' | 'command' | 'commandEnded' | 'finish'>;
/** What another JSON-marker console (the HTTP console) needs of the same recorder. */
export type MarkerSessionRecorder = Pick<SqlRecorder, 'now' | 'recordMarker' | 'command' | 'commandEnded' | 'finish'>;

/** Accepts everything and keeps nothing: the console runs as if recorded. */
class UnrecordedSql implements SqlSessionRecorder, MarkerSessionRecorder {
  private readonly startedAt = performance.now();
  private commandSeq = 0;

  now(): number {
    return (performance.now() - this.startedAt) / 1000;
  }

  record(_event: SqlEventInput): boolean {
    return true;
  }

  recordMarker(): boolean {
    return true;
  }

  command(): number {
    return this.commandSeq++;
  }

  commandEnded(): void {}

  finish(): Promise<void> {
    return Promise.resolve();
  }
}

/** The recorder of a SQL session, or one that keeps nothing when its resource is not recorded. */
export async function openSqlSessionRecorder(
  options: Parameters<typeof SqlRecorder.open>[0] & { resourceId: string },
): Promise<SqlSessionRecorder & MarkerSessionRecorder> {
  if (await decideRecording(options.sessionId, options.resourceId)) return SqlRecorder.open(options);
  return new UnrecordedSql();
}
