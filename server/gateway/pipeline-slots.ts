import type { TerminalSize } from '../connectors/terminal-connector';
import { env } from '../env';
import { loadSessionMasking } from '../masking/rules-store/load-masking';
import { createMaskingStages } from '../masking/stage/masking-stages';
import { tallies } from '../metrics/tallies';
import { createSessionRecorderStages } from '../recording/recording-policy';
import type { PipelineSlots } from '../relay/pipeline';

export type SessionPipelineSlots = { output: PipelineSlots; input: PipelineSlots };

export type SlotsRequest = { sessionId: string; userId: string; resourceId: string; size?: TerminalSize };

/**
 * Chooses the stages for a new session. Masking rules are loaded first: if they cannot be,
 * the session does not start (never unmasked), and no recording is opened for it.
 * Output masking covers the browser and the recording, or the recording only (per resource);
 * input masking (hidden input, typed secrets) always covers the recording only.
 */
export async function createPipelineSlots(request: SlotsRequest): Promise<SessionPipelineSlots> {
  const masking = await loadSessionMasking(request.resourceId);
  const masker = createMaskingStages({ masker: masking.masker, mode: masking.mode, screenHoldMs: env().maskScreenHoldMs });
  const recorder = await createSessionRecorderStages(request);
  // Read by the held-bytes gauge until the session ends (session-gateway.ts forgets it).
  tallies().heldBytes.set(request.sessionId, () => masker.heldBytes());
  return {
    output: { masker: masker.output, recorder: recorder.output },
    input: { masker: masker.input, recorder: recorder.input },
  };
}
