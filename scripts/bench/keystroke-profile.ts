/**
 * What one keystroke costs the configured gateway's masking stages, for `node --cpu-prof`: a
 * session types a letter and its echo comes back, COUNT times (default 200,000), through the
 * masker slots of both pipelines with the built-in rules; prints microseconds per keystroke.
 *
 *   npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/keystroke-profile.ts
 */
import { selectRules } from '@/server/masking/built-in-rules';
import { createMasker } from '@/server/masking/masker';
import { createMaskingStages } from '@/server/masking/stage/masking-stages';
import { buildPipeline, passThrough, type Sink, type StageContext } from '@/server/relay/pipeline';

const COUNT = Number(process.env.COUNT ?? 200_000);
const context: StageContext = { sessionId: 's', userId: 'u', resourceId: 'r', direction: 'output', pause: () => {}, resume: () => {} };
let relayed = 0;
const sink: Sink = { write: (chunk, view) => (relayed += (view ?? chunk).length), event: () => {}, end: () => {} };
const stages = createMaskingStages({ masker: createMasker(selectRules()) });
const output = buildPipeline({ masker: stages.output, recorder: passThrough }, sink, context);
const input = buildPipeline({ masker: stages.input, recorder: passThrough }, sink, { ...context, direction: 'input' });

output.write(Buffer.from('$ '));
/** CHUNK=205: what bench:terminal's 200 sessions type (205 × 'x', ten times a second), echoed by `cat`. */
const CHUNK = Number(process.env.CHUNK ?? 0);
const letters = 'the quick brown fox jumps over the lazy dog; ls -la /var/log\r';
const started = process.hrtime.bigint();
for (let i = 0; i < COUNT; i++) {
  const key = CHUNK > 0 ? Buffer.alloc(CHUNK, 'x') : Buffer.from(letters[i % letters.length]!);
  input.write(key);
  output.write(key[0] === 0x0d ? Buffer.from('\r\n$ ') : key);
}
const ns = Number(process.hrtime.bigint() - started);
console.log(`${COUNT} keystrokes: ${(ns / 1e3 / COUNT).toFixed(2)} µs each (masking stages only); ${relayed} bytes relayed`);
input.end();
output.end();
