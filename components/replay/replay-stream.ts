import type { EventsResponse } from '@/lib/recording/replay-types';

/** Recording time fetched per request while playing (the server may cut a busy window short). */
export const WINDOW_SECONDS = 30;
/** Look-ahead fetched with a seek: enough to start playing, small enough to render at once. */
const SEEK_SECONDS = 5;

/**
 * Fetches a recording's events by time range. A seek supersedes everything before it: older
 * requests are aborted and their answers dropped, so a fast scrub never paints a stale frame.
 */
export class ReplayStream {
  private generation = 0;
  private controllers = new Set<AbortController>();

  constructor(
    private readonly recordingId: string,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** The keyframe at or before `t` and the events from it on; null if a newer seek won. */
  seek(t: number): Promise<EventsResponse | null> {
    this.generation += 1;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
    return this.get({ from: t, to: t + SEEK_SECONDS, keyframe: true });
  }

  /** Events with from ≤ t < to, for the playback buffer; null if a seek happened meanwhile. */
  range(from: number, to = from + WINDOW_SECONDS): Promise<EventsResponse | null> {
    return this.get({ from, to, keyframe: false });
  }

  dispose(): void {
    this.generation += 1;
    for (const controller of this.controllers) controller.abort();
    this.controllers.clear();
  }

  private async get({ from, to, keyframe }: { from: number; to: number; keyframe: boolean }): Promise<EventsResponse | null> {
    const generation = this.generation;
    const controller = new AbortController();
    this.controllers.add(controller);
    const params = new URLSearchParams({ from: String(from), to: String(to), ...(keyframe ? { keyframe: '1' } : {}) });
    try {
      const response = await this.fetcher(`/api/v1/recordings/${this.recordingId}/events?${params.toString()}`, {
        signal: controller.signal,
        cache: 'no-store',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The recording could not be read (${response.status}).`);
      }
      const data = (await response.json()) as EventsResponse;
      return generation === this.generation ? data : null;
    } catch (error) {
      if (controller.signal.aborted || generation !== this.generation) return null;
      throw error;
    } finally {
      this.controllers.delete(controller);
    }
  }
}
