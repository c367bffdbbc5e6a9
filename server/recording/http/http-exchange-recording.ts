import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import { encodeHttpEvent, exchangeCommandText } from '@/lib/recording/http-events';

/**
 * What it needs of a recorder that writes JSON markers (the SQL console's, see
 * sql/sql-session-recorder.ts), by shape: recording/ stands below sql/.
 */
export type MarkerRecorder = {
  now(): number;
  recordMarker(text: string, activity?: number): boolean;
  command(t: number, text: string): number;
  commandEnded(seq: number, outcome: { durationMs: number; error: string | null; errorCode?: string | null }): void;
};

/**
 * An HTTP console's (or the HTTP proxy's) exchanges into its recording (the SQL console's recorder, which writes
 * JSON markers): the masked request when it is sent, then its response or error, and one
 * command-index row per exchange (`GET /v1/users → 200`), so search and the replay's command
 * list work as for SQL. Every call returns false when the recording failed: the caller must
 * not show what was not recorded.
 */
export class HttpExchangeRecording {
  constructor(private readonly recorder: MarkerRecorder) {}

  now(): number {
    return this.recorder.now();
  }

  request(n: number, exchange: HttpExchangeView): boolean {
    const { id, at, request } = exchange;
    return this.recorder.recordMarker(encodeHttpEvent({ http: 'request', n, id, at, ...request }), request.bodySize);
  }

  /** The exchange's response or error, then its command-index row. */
  answer(n: number, exchange: HttpExchangeView): boolean {
    const { id, response, error, durationMs } = exchange;
    const event = response
      ? encodeHttpEvent({ http: 'response', n, id, ...response, durationMs })
      : encodeHttpEvent({ http: 'error', n, id, message: error ?? 'No response.', durationMs });
    if (!this.recorder.recordMarker(event, response?.bodySize ?? 0)) return false;
    const seq = this.recorder.command(exchange.t, exchangeCommandText(exchange));
    const failure = error ?? (response && response.status >= 400 ? `${response.status} ${response.statusText}`.trim() : null);
    this.recorder.commandEnded(seq, { durationMs, error: failure, errorCode: response ? String(response.status) : null });
    return true;
  }
}
