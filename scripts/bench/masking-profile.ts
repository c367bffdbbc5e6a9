/**
 * Profiles the masking engine on one case, for `node --cpu-prof`: mixed text at FRAME bytes
 * (default 1024), or base64 lines with TEXT=base64, with built-ins that are off by default turned on
 * by ENABLE (a comma-separated list of rule ids).
 *
 *   ENABLE=key-material npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/masking-profile.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { selectRules } from '@/server/masking/built-in-rules';
import { createMasker } from '@/server/masking/masker';

const FRAME = Number(process.env.FRAME ?? 1024);
const SECONDS = Number(process.env.SECONDS_BUDGET ?? 6);
const enabled = (process.env.ENABLE ?? '').split(',').filter(Boolean);
const overrides = Object.fromEntries(enabled.map((id) => [id, { enabled: true }]));
const rules = selectRules(overrides);
const benignDir = path.join(__dirname, '..', '..', 'server', 'masking', 'corpus', 'benign');
const lines = readdirSync(benignDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(path.join(benignDir, f), 'utf8').split('\n'));
let x = 1;
const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const out: string[] = [];
let size = 0;
while (size < 1 << 20) {
  let line = lines[Math.floor(next() * lines.length)]!;
  if (next() < 0.2) line = line.replace(/(\S+)/, '\x1b[01;34m$1\x1b[0m');
  out.push(line);
  size += line.length + 2;
}
/** TEXT=base64: `cat` of a base64 file (76-character lines) instead of the mixed text. */
function base64Lines(): string {
  const bytes = Buffer.alloc(786432);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  return bytes
    .toString('base64')
    .match(/.{1,76}/g)!
    .join('\r\n');
}
const text = Buffer.from(process.env.TEXT === 'base64' ? base64Lines() : out.join('\r\n'));
const frames: Buffer[] = [];
for (let i = 0; i < text.length; i += FRAME) frames.push(text.subarray(i, i + FRAME));
const masker = createMasker(rules);
console.log(`rules: ${rules.map((r) => r.id).join(' ')}`);
const start = process.cpuUsage();
const deadline = performance.now() + SECONDS * 1000;
let passes = 0;
while (performance.now() < deadline) {
  let state = masker.initialState;
  for (const frame of frames) state = masker.step(state, frame).state;
  masker.flush(state);
  passes++;
}
const used = process.cpuUsage(start);
console.log(`${((passes * text.length) / 1e6 / ((used.user + used.system) / 1e6)).toFixed(0)} MB/s (${passes} passes, frame ${FRAME})`);
