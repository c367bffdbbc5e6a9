import type { EventsResponse } from '@/lib/recording/replay-types';

/**
 * Every event of a recording, page by page from the events route: the SQL and HTTP replays
 * build their whole model up front (statements and exchanges are few next to terminal bytes).
 */
export async function loadRecordingEvents(recordingId: string, duration: number, signal: AbortSignal): Promise<[number, string, string][]> {
  const events: [number, string, string][] = [];
  let from: number | null = 0;
  while (from !== null) {
    const response = await fetch(`/api/v1/recordings/${recordingId}/events?from=${from}&to=${duration + 1}`, { credentials: 'same-origin', signal });
    if (!response.ok) throw new Error(`Could not load the recording (HTTP ${response.status}).`);
    const page = (await response.json()) as EventsResponse;
    events.push(...page.events);
    from = page.nextFrom;
  }
  return events;
}
