import { describe, expect, it } from 'vitest';
import { buildPipeline, passThrough, type PipelineEvent, type Sink, type Stage, type StageContext } from './pipeline';

const context: StageContext = { sessionId: 's', userId: 'u', resourceId: 'r', direction: 'output', pause: () => {}, resume: () => {} };

function collector() {
  const seen: (string | PipelineEvent)[] = [];
  const sink: Sink = { write: (chunk) => seen.push(chunk.toString()), event: (event) => seen.push(event), end: () => seen.push('end') };
  return { sink, seen };
}

describe('pipeline', () => {
  it('is the sink itself when both slots pass through (nothing added on the keystroke path)', () => {
    const { sink } = collector();
    expect(buildPipeline({ masker: passThrough, recorder: passThrough }, sink, context)).toBe(sink);
  });

  it('runs the masker before the recorder, in order, with events', () => {
    const { sink, seen } = collector();
    const upper: Stage = (next) => ({ ...next, write: (chunk) => next.write(Buffer.from(chunk.toString().toUpperCase())) });
    const recorded: string[] = [];
    const recorder: Stage = (next) => ({ ...next, write: (chunk) => (recorded.push(chunk.toString()), next.write(chunk)) });
    const pipeline = buildPipeline({ masker: upper, recorder }, sink, context);
    pipeline.write(Buffer.from('secret'));
    pipeline.event({ type: 'resize', cols: 80, rows: 24 });
    pipeline.end();
    expect(recorded).toEqual(['SECRET']);
    expect(seen).toEqual(['SECRET', { type: 'resize', cols: 80, rows: 24 }, 'end']);
  });
});
