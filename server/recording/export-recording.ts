import { Terminal } from '@xterm/headless';
import type { Recording } from '@/db/recording-schema';
import type { Actor } from '../actor/actor';
import { listAnnotations } from './annotations/list-annotations';
import { auditExport } from './audit-recording-access';
import { requireVisibleRecording, type RecordingRow } from './find-recording';
import { parseResize, textDecoders } from './format';
import { decodeMaskMarker, describeMaskMarker } from '@/lib/recording/mask-marker';
import { listCommands } from './get-recording';
import { KEYFRAME_SCROLLBACK } from './index-builder';
import { iterateEvents, readEventRange } from './read-events';
import { screenMasker } from './apply-screen-masks';
import { screenMasksOf, type RecordingScreenMasks } from './screen-masks';
import { loadScreenRules } from './screen-masking-rules';
import { rulesMasker } from './screen-secrets';
import { maskText } from '../masking/mask-text';
import type { Masker } from '../masking/masker';
import { toRecordingView } from './recording-view';
import { verifyChain } from './verify-recording';
import { AppError } from '../errors/app-error';
import type { CommandView } from './recording-schemas';
import { exportFormatFor, exportSqlRecording, type SqlExportFormat, type TerminalExportFormat } from './export-sql-recording';
import { recordingKindOf } from '@/lib/recording/recording-kind';
import { exportHttpRecording } from './export-http-recording';

export type ExportFormat = TerminalExportFormat | SqlExportFormat;
export type ExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

const round = (t: number) => Math.round(t * 1e6) / 1e6;

/** Batches strings into ~64 KB pieces of a byte stream, pulled as the client reads. */
function streamOf(parts: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator: AsyncIterator<string> = parts[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      let batch = '';
      while (batch.length < 64 * 1024) {
        const step = await iterator.next();
        if (step.done) {
          if (batch) controller.enqueue(encoder.encode(batch));
          controller.close();
          return;
        }
        batch += step.value;
      }
      controller.enqueue(encoder.encode(batch));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

/**
 * asciicast v2: a header line, then `[t, kind, text]` per line. Output, input and resizes map
 * one to one; commands and masks become `m` markers; the exit event (not in v2) is left out.
 * Screen masks are painted into the output where they apply, so a player never shows them.
 */
export async function* asciicastLines(row: RecordingRow, commands: CommandView[], screen: RecordingScreenMasks): AsyncGenerator<string> {
  const { recording, session } = row;
  const header = {
    version: 2,
    width: recording.cols,
    height: recording.rows,
    timestamp: Math.floor(recording.startedAt.getTime() / 1000),
    duration: round(recording.duration),
    title: `${session.resourceName} — ${row.user.email}`,
    env: { TERM: 'xterm-256color', SHELL: '/bin/bash' },
  };
  yield `${JSON.stringify(header)}\n`;
  const decode = textDecoders();
  const mask = screenMasker(screen.masks);
  let next = 0;
  for await (const stored of iterateEvents(recording)) {
    const event = mask(stored);
    while (next < commands.length && commands[next]!.t <= event.t) {
      const command = commands[next++]!;
      yield `${JSON.stringify([round(command.t), 'm', command.text])}\n`;
    }
    if (event.kind === 'x') continue;
    const text = decode(event);
    if (event.kind === 'm') {
      // Stored markers are data (masks, SQL events): asciinema shows a marker's text as a label.
      const marker = decodeMaskMarker(text);
      if (marker) yield `${JSON.stringify([round(event.t), 'm', describeMaskMarker(marker)])}\n`;
      continue;
    }
    if (text === '' && (event.kind === 'o' || event.kind === 'i')) continue;
    yield `${JSON.stringify([round(event.t), event.kind, text])}\n`;
  }
  for (; next < commands.length; next++) yield `${JSON.stringify([round(commands[next]!.t), 'm', commands[next]!.text])}\n`;
}

/** Removes escape sequences and carriage-return redraws: what was printed, as plain text. */
export function plainText(text: string): string {
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '')
    .replace(/\x1b[P^_][^\x1b]*\x1b\\/g, '')
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[()][0-9A-Za-z]/g, '')
    .replace(/\x1b[@-Z\\-_=>78]/g, '')
    .replace(/\r+\n/g, '\n')
    .replace(/[^\n]*\r(?!\n)/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

/**
 * Dropping control characters can join what the terminal showed apart, and what the streaming
 * masker saw apart (`AKIA…\0…`): the transcript's lines are masked again with the session's rules.
 */
async function* transcriptText(recording: Recording, masker: Masker): AsyncGenerator<string> {
  const plain = (text: string) => maskText(masker, plainText(text)).output.toString('utf8');
  const decode = textDecoders();
  let pending = '';
  for await (const event of iterateEvents(recording)) {
    if (event.kind !== 'o') continue;
    pending += decode(event);
    // Keep an unfinished line (and an escape sequence cut in two) for the next event.
    const cut = pending.lastIndexOf('\n');
    if (cut >= 0) {
      yield plain(pending.slice(0, cut + 1));
      pending = pending.slice(cut + 1);
    }
  }
  if (pending) yield plain(pending);
}

/** The terminal as it was at the end: scrollback then screen, from the last keyframe on. */
export async function finalScreenText(recording: Recording, screen: RecordingScreenMasks): Promise<string> {
  const range = await readEventRange(recording, {
    from: recording.duration,
    to: recording.duration + 1,
    withKeyframe: true,
    canUseKeyframes: screen.hasMaskedKeyframes,
    maxBytes: Number.MAX_SAFE_INTEGER,
  });
  const mask = screenMasker(screen.masks);
  const terminal = new Terminal({
    cols: range.keyframe?.cols ?? recording.cols,
    rows: range.keyframe?.rows ?? recording.rows,
    scrollback: KEYFRAME_SCROLLBACK,
    allowProposedApi: true,
  });
  try {
    const write = (data: string | Uint8Array) => new Promise<void>((resolve) => terminal.write(data, resolve));
    if (range.keyframe) await write(range.keyframe.data);
    for (const event of range.events) {
      if (event.kind === 'o') await write(mask(event).data);
      else if (event.kind === 'r') {
        const size = parseResize(event.data);
        if (size) terminal.resize(size.cols, size.rows);
      }
    }
    const buffer = terminal.buffer.normal;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return `${lines.join('\n')}\n`;
  } finally {
    terminal.dispose();
  }
}

async function* jsonParts(actor: Actor, row: RecordingRow, commands: CommandView[], screen: RecordingScreenMasks): AsyncGenerator<string> {
  const notes = await listAnnotations({ actor, recordingId: row.recording.id });
  yield `{"format":"porthole-recording","version":1,"recording":${JSON.stringify(toRecordingView(row))},"commands":${JSON.stringify(commands)},"annotations":${JSON.stringify(notes)},"events":[`;
  const decode = textDecoders();
  const mask = screenMasker(screen.masks);
  let isFirst = true;
  for await (const event of iterateEvents(row.recording)) {
    yield `${isFirst ? '' : ','}\n${JSON.stringify([round(event.t), event.kind, decode(mask(event))])}`;
    isFirst = false;
  }
  yield '\n]}\n';
}

async function* once(text: Promise<string>): AsyncGenerator<string> {
  yield await text;
}

/**
 * A download of the recording in a format its kind has (terminal: asciicast, text, json; SQL:
 * sql, json, csv, see export-sql-recording.ts; HTTP: json, see export-http-recording.ts);
 * every export is an audit event.
 */
export async function exportRecording({
  actor,
  recordingId,
  format: asked,
  mode = 'transcript',
  statement,
}: {
  actor: Actor;
  recordingId: string;
  format?: ExportFormat;
  mode?: 'screen' | 'transcript';
  /** CSV of a SQL recording: one statement's result (from 1). */
  statement?: number;
}): Promise<ExportFile> {
  const row = await requireVisibleRecording(actor, recordingId);
  const kind = recordingKindOf(row.session.resourceType);
  const format = exportFormatFor(kind, asked) as ExportFormat;
  // A download streams after its 200 is sent: damage found then would only cut the file short.
  const check = await verifyChain(row.recording);
  if (!check.isValid) {
    throw new AppError('RECORDING_DAMAGED', { userMessage: `This recording is damaged and cannot be exported: ${check.problem ?? 'it does not verify'}.` });
  }
  const stamp = row.recording.startedAt.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const base = `${row.session.resourceName.replace(/[^\w.-]+/g, '_')}-${stamp}`;
  if (kind === 'sql') {
    const file = await exportSqlRecording({ actor, row, format: format as SqlExportFormat, statement, base });
    await auditExport(actor, recordingId, statement ? `${format}-statement-${statement}` : format);
    return { filename: file.filename, contentType: file.contentType, body: streamOf(once(Promise.resolve(file.text))) };
  }
  if (kind === 'http') {
    const file = await exportHttpRecording({ actor, row, base });
    await auditExport(actor, recordingId, format);
    return { filename: file.filename, contentType: file.contentType, body: streamOf(once(Promise.resolve(file.text))) };
  }
  await auditExport(actor, recordingId, format === 'text' ? `text-${mode}` : format);
  const commands = await listCommands(recordingId);
  if (format === 'text' && mode === 'transcript') {
    // Escape sequences are dropped there, so nothing is drawn over anything: no screen masks.
    const masker = rulesMasker(await loadScreenRules(recordingId));
    return { filename: `${base}.txt`, contentType: 'text/plain; charset=utf-8', body: streamOf(transcriptText(row.recording, masker)) };
  }
  const screen = await screenMasksOf(row.recording);
  if (format === 'asciicast')
    return { filename: `${base}.cast`, contentType: 'application/x-asciicast', body: streamOf(asciicastLines(row, commands, screen)) };
  if (format === 'json') return { filename: `${base}.json`, contentType: 'application/json', body: streamOf(jsonParts(actor, row, commands, screen)) };
  const text = once(finalScreenText(row.recording, screen));
  return { filename: `${base}-screen.txt`, contentType: 'text/plain; charset=utf-8', body: streamOf(text) };
}

/** The HTTP response for a download: streamed, never cached. */
export function downloadResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.filename.replace(/"/g, '')}"`,
      'cache-control': 'no-store',
    },
  });
}
