import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { recordingScreenMasks, type Recording } from '@/db/recording-schema';
import { SCREEN_MASKS_VERSION, screenMask, type ScreenMask } from '@/lib/recording/screen-mask';
import { IndexBuilder } from './index-builder';
import { scheduleIndexing } from './index-queue';
import { iterateEvents } from './read-events';
import { loadScreenRules } from './screen-masking-rules';
import { screenSecretFinder } from './screen-secrets';
import { processSingleton } from '@/lib/process-singleton';

export type RecordingScreenMasks = {
  masks: ScreenMask[];
  /** The stored keyframes were made with these masks painted in (else: replay from the start). */
  hasMaskedKeyframes: boolean;
};

/** Masks computed for recordings not indexed with screen masks yet, per recording and length. */
const CACHE_SIZE = 16;

/**
 * The screen masks every reader applies. The indexer stores them; a recording it has not
 * indexed yet (live, just ended, indexed before screen masks existed, or indexing failed) gets
 * them computed here, so no reader ever shows a screen that was not checked (fail closed).
 */
export async function screenMasksOf(
  recording: Pick<Recording, 'id' | 'store' | 'cols' | 'rows' | 'duration' | 'eventCount' | 'status' | 'indexState'>,
): Promise<RecordingScreenMasks> {
  const [row] = await db().select().from(recordingScreenMasks).where(eq(recordingScreenMasks.recordingId, recording.id));
  if (row && row.version === SCREEN_MASKS_VERSION) return { masks: screenMask.array().parse(row.masks), hasMaskedKeyframes: true };
  // Indexed before screen masks existed (or by another version): index it again, in the background.
  if (recording.indexState === 'ready') void scheduleIndexing(recording.id);
  const cache = processSingleton('screenMasks', () => new Map<string, Promise<ScreenMask[]>>());
  // A live recording grows past its row's counts: checked afresh each time.
  if (recording.status === 'recording') return { masks: await computeScreenMasks(recording), hasMaskedKeyframes: false };
  const key = `${recording.id}:${recording.eventCount}`;
  let masks = cache.get(key);
  if (!masks) {
    masks = computeScreenMasks(recording);
    cache.set(key, masks);
    masks.catch(() => cache.delete(key));
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return { masks: await masks, hasMaskedKeyframes: false };
}

async function computeScreenMasks(recording: Pick<Recording, 'id' | 'store' | 'cols' | 'rows' | 'duration'>): Promise<ScreenMask[]> {
  const builder = new IndexBuilder({
    cols: recording.cols,
    rows: recording.rows,
    duration: recording.duration,
    findSecrets: screenSecretFinder(await loadScreenRules(recording.id)),
  });
  for await (const event of iterateEvents(recording)) await builder.add(event);
  return (await builder.finish()).screenMasks;
}
