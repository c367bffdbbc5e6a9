import { sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { encodeMaskMarker } from '@/lib/recording/mask-marker';
import { addMaskMark, type MaskMark } from '@/lib/recording/mask-marks';
import { recordings } from '@/db/recording-schema';
import { publish } from '../events/event-bus';
import { log } from '../log/logger';
import { metrics } from '../metrics/registry';
import type { PipelineEvent, Sink, Stage, StageContext } from '../relay/pipeline';
import { exitData, FORMAT_VERSION, resizeData, type EventKind } from './format';
import { scheduleIndexing } from './index-queue';
import { RecordingLog, type RecordingStats } from './recording-log';
import { RecordingRowWriter } from './recording-row';
import { signSealedRecording } from './signing/sign-recording';
import { recordingStore } from './stores/select-store';

export type RecorderRequest = { sessionId: string; userId: string; size?: { cols: number; rows: number } };
export type RecorderStages = { output: Stage; input: Stage };

const PAUSE_REASON = 'recording';
/** Small writes (keystrokes, echoes) wait for the end of the turn and go to the store together. */
const RELAY_BATCH_BYTES = 16 * 1024;

const globalForRecorder = globalThis as unknown as { __portholeActiveRecordings?: Set<string> };

/** Recordings this process is writing now (recovery must not touch them). */
export function activeRecordingIds(): Set<string> {
  globalForRecorder.__portholeActiveRecordings ??= new Set();
  return globalForRecorder.__portholeActiveRecordings;
}

/** "ENOSPC", "EACCES": enough for the user to pass on, without paths or stacks. */
function describeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ? `the recording store failed (${code})` : 'the recording store failed';
}

function terminateSoon(sessionId: string, message: string): void {
  // After the current write returns, and through the one way sessions end from outside: the
  // replica relaying it (this one) ends it by its own single exit path.
  queueMicrotask(() => publish({ type: 'session.terminate', selector: { sessionId }, reason: 'terminated', message }));
}

export function statsColumns(stats: RecordingStats) {
  return {
    duration: stats.duration,
    outputBytes: stats.outputBytes,
    inputBytes: stats.inputBytes,
    eventCount: stats.eventCount,
    chunkCount: stats.chunkCount,
    storedBytes: stats.storedBytes,
    headHash: stats.headHash,
    updatedAt: sql`now()`,
  };
}

/**
 * The recorder slot of both pipelines. Recording is not optional: if the recording cannot be
 * opened the session is ended before anything is relayed; if a write fails later the
 * chunk is not relayed and the session ends, saying why.
 */
export async function createRecorderStages(request: RecorderRequest): Promise<RecorderStages> {
  try {
    return (await ActiveRecording.open(request)).stages();
  } catch (error) {
    log().error({ sessionId: request.sessionId, err: error }, 'cannot open its recording');
    return refusingStages(request.sessionId, `Recording is unavailable (${describeFailure(error)}), so the session cannot start.`);
  }
}

function refusingStages(sessionId: string, message: string): RecorderStages {
  const refuse: Stage = (next) => {
    terminateSoon(sessionId, message);
    return { write: () => undefined, event: (event) => (event.type === 'exit' ? next.event(event) : undefined), end: () => next.end() };
  };
  return { output: refuse, input: refuse };
}

class ActiveRecording {
  private isFailed = false;
  private relays: (() => void)[] = [];
  private isDrainScheduled = false;
  private outputContext: StageContext | undefined;
  private readonly ended = new Set<'output' | 'input'>();
  private readonly log: RecordingLog;
  private readonly row: RecordingRowWriter;
  private maskCount = 0;
  private readonly maskMarks: MaskMark[] = [];

  static async open(request: RecorderRequest): Promise<ActiveRecording> {
    const store = recordingStore();
    // The store reports late write errors through this callback; the recording exists by then.
    const holder: { recording?: ActiveRecording } = {};
    const writer = await store.create(request.sessionId, (error) => holder.recording?.fail(error));
    const size = request.size ?? { cols: 80, rows: 24 };
    await db()
      .insert(recordings)
      .values({ id: request.sessionId, userId: request.userId, store: store.kind, formatVersion: FORMAT_VERSION, cols: size.cols, rows: size.rows });
    holder.recording = new ActiveRecording(request.sessionId, writer);
    activeRecordingIds().add(request.sessionId);
    return holder.recording;
  }

  private constructor(
    private readonly id: string,
    writer: ConstructorParameters<typeof RecordingLog>[0]['writer'],
  ) {
    this.row = new RecordingRowWriter(id);
    this.log = new RecordingLog({
      recordingId: id,
      writer,
      isBatching: true,
      onBehind: (isBehind) => (isBehind ? this.outputContext?.pause(PAUSE_REASON) : this.outputContext?.resume(PAUSE_REASON)),
      onSealed: (_chunk, stats) => this.row.progress(() => this.columns(stats)),
      onError: (error) => this.fail(error),
    });
  }

  stages(): RecorderStages {
    const output: Stage = (next, context) => {
      this.outputContext = context;
      return {
        write: (chunk, relayed) => this.record('o', chunk, relayed ?? chunk, next),
        event: (event) => {
          if (event.type === 'exit') this.record('x', exitData({ reason: event.reason, message: event.message, exitCode: event.exitCode }));
          this.recordMasks(event);
          // Control events are relayed at once: the exit must reach the socket before it closes.
          this.drain();
          next.event(event);
        },
        end: () => {
          this.drain();
          next.end();
          this.endDirection('output');
        },
      } satisfies Sink;
    };
    const input: Stage = (next) => ({
      write: (chunk, relayed) => this.record('i', chunk, relayed ?? chunk, next),
      event: (event) => {
        if (event.type === 'resize') this.record('r', resizeData(event.cols, event.rows));
        this.recordMasks(event);
        if (this.drain()) next.event(event);
      },
      end: () => {
        this.drain();
        next.end();
        this.endDirection('input');
      },
    });
    return { output, input };
  }

  /**
   * Frames the event; `relayed` goes on to `next` once the event is in the store (never if it
   * cannot be stored), after everything relayed before it.
   */
  private record(kind: EventKind, data: Buffer, relayed?: Buffer, next?: Sink): void {
    if (this.isFailed) return;
    // The masker may hold back all of a chunk (a possible secret) while relaying it already.
    const isNothingToStore = data.length === 0 && (kind === 'o' || kind === 'i');
    if (!isNothingToStore) {
      try {
        this.log.append(kind, data);
      } catch (error) {
        this.fail(error);
        return;
      }
    }
    if (!next || !relayed || relayed.length === 0) return;
    this.relays.push(() => next.write(relayed));
    // Bulk output is relayed at once: the gateway's flow control must see each chunk as it
    // goes (a paused stream that resumes emits its whole buffer in one synchronous run).
    if (this.log.batchedBytes >= RELAY_BATCH_BYTES) {
      this.drain();
      return;
    }
    if (!this.isDrainScheduled) {
      this.isDrainScheduled = true;
      queueMicrotask(() => this.drain());
    }
  }

  /** Stores the batch, then relays what waited for it, in order. False if the store failed. */
  private drain(): boolean {
    this.isDrainScheduled = false;
    if (this.isFailed) return false;
    try {
      this.log.flushWrites();
    } catch (error) {
      this.relays = [];
      this.fail(error);
      return false;
    }
    const relays = this.relays;
    this.relays = [];
    for (const relay of relays) relay();
    return true;
  }

  /** Where the masker replaced secrets, on the timeline: rule names and positions, never text. */
  private recordMasks(event: PipelineEvent): void {
    if (event.type !== 'mask') return;
    this.record('m', Buffer.from(encodeMaskMarker({ mask: event.direction, count: event.count, masks: [...event.masks] })));
    this.maskCount += event.masks.length;
    // Masks are rare next to frames: a label lookup each is fine here.
    for (const mask of event.masks) metrics().masksApplied.inc({ rule: mask.rule });
    addMaskMark(
      this.maskMarks,
      this.log.stats.duration,
      event.masks.map((mask) => mask.rule),
    );
  }

  /** The row's columns: stats, and where masking happened (for the timeline). */
  private columns(stats: RecordingStats) {
    return { ...statsColumns(stats), maskCount: this.maskCount, maskMarks: this.maskMarks };
  }

  fail(error: unknown): void {
    if (this.isFailed) return;
    this.isFailed = true;
    log().error({ sessionId: this.id, err: error }, 'recording failed');
    this.relays = [];
    this.log.abandon();
    activeRecordingIds().delete(this.id);
    this.outputContext?.resume(PAUSE_REASON);
    const message = `Recording stopped: ${describeFailure(error)}. Sessions are always recorded, so this one was ended.`;
    terminateSoon(this.id, message);
    void this.row.final({ ...this.columns(this.log.stats), status: 'failed', endedAt: sql`now()`, message }).catch(() => undefined);
  }

  private endDirection(direction: 'output' | 'input'): void {
    this.ended.add(direction);
    if (this.ended.size < 2 || this.isFailed) return;
    this.log
      .finish()
      .then(async (stats) => {
        await this.row.final({ ...this.columns(stats), status: 'complete', endedAt: sql`now()` });
        await signSealedRecording(this.id);
        activeRecordingIds().delete(this.id);
        void scheduleIndexing(this.id);
      })
      .catch((error: unknown) => this.fail(error));
  }
}
