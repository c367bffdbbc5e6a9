import { formatBytes } from '../format/bytes';
import { formatCount } from '../format/count';
import type { RecordingKind } from './recording-kind';

type Figures = {
  kind: RecordingKind;
  cols: number;
  rows: number;
  outputBytes: number;
  storedBytes: number;
  sql: { statements: number; rows: number; errors: number } | null;
  http?: { exchanges: number; errors: number } | null;
};

/**
 * What a recording holds, in words, by kind: a SQL session's statements, rows and errors; an
 * HTTP session's exchanges and failed ones; a terminal's size and bytes. The replay header and
 * the recordings list say the same.
 */
export function recordingFigures(recording: Figures): string[] {
  if (recording.kind === 'sql' && recording.sql) {
    const { statements, rows, errors } = recording.sql;
    return [formatCount(statements, 'statement'), formatCount(rows, 'row'), ...(errors > 0 ? [formatCount(errors, 'error')] : [])];
  }
  if (recording.kind === 'http' && recording.http) {
    const { exchanges, errors } = recording.http;
    return [formatCount(exchanges, 'exchange'), ...(errors > 0 ? [formatCount(errors, 'error')] : [])];
  }
  return [`${recording.cols}×${recording.rows}`, `${formatBytes(recording.outputBytes)} output, ${formatBytes(recording.storedBytes)} stored`];
}
