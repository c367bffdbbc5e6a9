import { exchangesFromEvents, type RecordedEvent } from '@/lib/recording/http-events';
import type { Actor } from '../actor/actor';
import { listAnnotations } from './annotations/list-annotations';
import type { RecordingRow } from './find-recording';
import { iterateEvents } from './read-events';
import { toRecordingView } from './recording-view';
import { sqlSummaries } from './sql-summaries';

type File = { filename: string; contentType: string; text: string };

/**
 * An HTTP recording as JSON: the recording's view, its exchanges (request, then response or
 * error, with timing) and its notes. Everything comes from the recorded events, so headers and
 * bodies are masked as they were recorded and the injected credential is not there.
 */
export async function exportHttpRecording({ actor, row, base }: { actor: Actor; row: RecordingRow; base: string }): Promise<File> {
  const events: RecordedEvent[] = [];
  for await (const event of iterateEvents(row.recording)) if (event.kind === 'm') events.push([event.t, 'm', event.data.toString('utf8')]);
  const summary = (await sqlSummaries([row.recording.id])).get(row.recording.id);
  const document = {
    format: 'porthole-http-recording',
    version: 1,
    recording: toRecordingView(row, summary),
    exchanges: exchangesFromEvents(events),
    annotations: await listAnnotations({ actor, recordingId: row.recording.id }),
  };
  return { filename: `${base}.json`, contentType: 'application/json', text: `${JSON.stringify(document, null, 2)}\n` };
}
