/**
 * The work the masking engine does on mixed output, for an instruction counter: masks PASSES
 * times 256 KiB of the bench's mixed text (benign corpus, ~20 % of lines coloured) in 1 KiB
 * frames, with the rules named in ON (comma-separated ids; default: the built-ins' defaults)
 * switched on. Run by masking-instructions.sh under valgrind: the count does not depend on the
 * machine's load, so two revisions can be compared on a busy machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { selectRules } from '@/server/masking/built-in-rules';
import { createMasker } from '@/server/masking/masker';

const on = (process.env.ON ?? '').split(',').filter(Boolean);
const rules = selectRules(Object.fromEntries(on.map((id) => [id, { enabled: true }])));
const benignDir = process.env.BENIGN_DIR ?? path.join(__dirname, '..', '..', 'server', 'masking', 'corpus', 'benign');
const lines = readdirSync(benignDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(path.join(benignDir, f), 'utf8').split('\n'));

let seed = 1;
const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const text: string[] = [];
for (let size = 0; size < 1 << 18;) {
  let line = lines[Math.floor(random() * lines.length)]!;
  if (random() < 0.2) line = line.replace(/(\S+)/, '\x1b[01;34m$1\x1b[0m');
  text.push(line);
  size += line.length + 2;
}
const bytes = Buffer.from(text.join('\r\n'));
const masker = createMasker(rules);
for (let pass = 0; pass < Number(process.env.PASSES ?? 1); pass++) {
  let state = masker.initialState;
  for (let i = 0; i < bytes.length; i += 1024) state = masker.step(state, bytes.subarray(i, i + 1024)).state;
}
