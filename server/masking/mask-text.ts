import type { Masker } from './masker';
import type { MaskEvent } from './types';

/**
 * Masks a whole text (or a list of chunks) and flushes: for the admin rule tester and tests.
 * Events tell which rule masked what, by offset in the output.
 */
export function maskText(masker: Masker, input: string | Uint8Array | Array<string | Uint8Array>): { output: Buffer; events: MaskEvent[] } {
  const chunks = Array.isArray(input) ? input : [input];
  let state = masker.initialState;
  const outputs: Buffer[] = [];
  const events: MaskEvent[] = [];
  for (const chunk of chunks) {
    const result = masker.step(state, typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    state = result.state;
    outputs.push(result.output);
    events.push(...result.events);
  }
  const flushed = masker.flush(state);
  outputs.push(flushed.output);
  events.push(...flushed.events);
  return { output: Buffer.concat(outputs), events };
}
