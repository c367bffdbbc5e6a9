import type { TerminalSize } from '../connectors/terminal-connector';
import { createRecorderStages } from '../recording/recorder';
import { passThrough, type PipelineSlots } from './pipeline';

export type SessionPipelineSlots = { output: PipelineSlots; input: PipelineSlots };

export type SlotsRequest = { sessionId: string; userId: string; resourceId: string; size?: TerminalSize };

/**
 * Chooses the stages for a new session. The masking and recording issues replace these
 * pass-throughs (they may load rules or open a recording first: this is async for them).
 */
export async function createPipelineSlots(request: SlotsRequest): Promise<SessionPipelineSlots> {
  const recorder = await createRecorderStages(request);
  return {
    output: { masker: passThrough, recorder: recorder.output },
    input: { masker: passThrough, recorder: recorder.input },
  };
}
