/**
 * Masking engine throughput: MB/s per core (CPU time of this process, so other load on the
 * machine distorts less than wall time), at 1 KiB and 16 KiB frames, on mixed terminal text,
 * on secret-dense text and with 50 custom rules; at 4 KiB and 32 KiB (bulk output as the
 * gateway receives it) on base64 lines and mixed text; plus V8 `replace` rule by rule as the reference
 * and the cost of one keystroke. Bounded: each case runs for about BENCH_MS (default 1500) ms.
 *
 *   npm run bench:masking      (bundled as the server ships: see run-bundled.mjs)
 *   npm run bench:masking -- --enable=key-material,high-entropy-value   (rules off by default, on)
 *
 * BENIGN_DIR: the benign corpus to draw the mixed text from (default: this checkout's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { selectRules } from '@/server/masking/built-in-rules';
import { DETECTOR_CORPORA } from '@/server/masking/corpus/all';
import { compileCustomRule } from '@/server/masking/custom-rule';
import { createMasker, type Masker } from '@/server/masking/masker';
import { parseRegex } from '@/server/masking/regex-ast';
import { printRegex } from '@/server/masking/regex-print';
import type { MaskRule } from '@/server/masking/types';

const BUDGET_MS = Number(process.argv.find((a) => a.startsWith('--ms='))?.slice(5) ?? 1500);
const TARGET_BYTES = 1 << 20;

const benignDir = process.env.BENIGN_DIR ?? path.resolve('server', 'masking', 'corpus', 'benign');
const benignLines = readdirSync(benignDir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(path.join(benignDir, f), 'utf8').split('\n'));
const secretTexts = DETECTOR_CORPORA.filter((c) => !c.enable).flatMap((c) => c.positives.map((p) => p.text));

/** Deterministic pseudo-random numbers, so every run measures the same text. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

const COLOURS = ['\x1b[01;34m', '\x1b[01;32m', '\x1b[0;33m', '\x1b[1;31m', '\x1b[36m'];

/** Ordinary output: ~20% of lines coloured (ls --color, git, jq), ~1% carrying a secret. */
function mixedText(): Buffer {
  const next = random(1);
  const lines: string[] = [];
  let size = 0;
  while (size < TARGET_BYTES) {
    let line = benignLines[Math.floor(next() * benignLines.length)]!;
    const r = next();
    if (r < 0.2) line = line.replace(/(\S+)/, `${COLOURS[Math.floor(next() * COLOURS.length)]!}$1\x1b[0m`);
    else if (r < 0.21) line = `${line} ${secretTexts[Math.floor(next() * secretTexts.length)]!}`;
    lines.push(line);
    size += line.length + 2;
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** Every line carries a secret, in JSON, env or log form. */
function denseText(): Buffer {
  const next = random(2);
  const lines: string[] = [];
  let size = 0;
  const forms = [
    (s: string) => `{"value":${JSON.stringify(s)}}`,
    (s: string) => `VALUE=${s}`,
    (s: string) => `2025-03-14T09:12:44Z INFO got ${s} from upstream`,
  ];
  while (size < TARGET_BYTES) {
    const line = forms[Math.floor(next() * forms.length)]!(secretTexts[Math.floor(next() * secretTexts.length)]!);
    lines.push(line);
    size += line.length + 2;
  }
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** `cat` of a big base64 file: 76-character lines, CRLF (what bulk output looks like). */
function base64Text(): Buffer {
  const next = random(3);
  const bytes = Buffer.alloc((TARGET_BYTES * 3) / 4);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(next() * 256);
  const lines = bytes.toString('base64').match(/.{1,76}/g)!;
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

function customRules(count: number): MaskRule[] {
  const shapes = [
    'EMP-\\d{6}',
    'ACME-[A-Z]{4}-\\d{4}',
    'cust_[a-z0-9]{12}',
    'INV[0-9]{8}',
    'proj-[a-f0-9]{8}-key',
    'TKT#\\d{5,7}',
    'lic:[A-Z0-9]{5}(?:-[A-Z0-9]{5}){3}',
  ];
  return Array.from({ length: count }, (_, i) =>
    compileCustomRule({ id: `bench-${i}`, name: `custom ${i}`, pattern: `${shapes[i % shapes.length]!.replace(/^([A-Za-z]+)/, `$1${i}`)}` }),
  );
}

function frames(text: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.subarray(i, i + size));
  return out;
}

function cpuSeconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Repeats `pass` (over `bytes` bytes) for the time budget; median and best MB/s of the trials. */
function measure(bytes: number, pass: () => void): { median: number; best: number } {
  pass(); // warm-up
  const rates: number[] = [];
  const deadline = performance.now() + BUDGET_MS;
  do rates.push(bytes / 1e6 / cpuSeconds(pass));
  while (performance.now() < deadline && rates.length < 200);
  rates.sort((a, b) => a - b);
  return { median: rates[Math.floor(rates.length / 2)]!, best: rates[rates.length - 1]! };
}

function engine(masker: Masker, text: Buffer, size: number): { median: number; best: number } {
  const chunks = frames(text, size);
  return measure(text.length, () => {
    let state = masker.initialState;
    for (const chunk of chunks) state = masker.step(state, chunk).state;
    masker.flush(state);
  });
}

/** The reference: one `String.prototype.replace` per rule per frame, no streaming. */
function replaceRuleByRule(rules: MaskRule[], text: Buffer, size: number): { median: number; best: number } {
  const regexes = rules.map((rule) => {
    const parsed = parseRegex(rule.pattern, rule.flags);
    const source = printRegex(parsed.ast, { dialect: 'v8', ignoreCase: parsed.flags.includes('i'), dotAll: false, keepSecretGroup: false });
    return { re: new RegExp(source, 'g'), label: rule.label };
  });
  const chunks = frames(text, size).map((chunk) => chunk.toString('latin1'));
  return measure(text.length, () => {
    for (let chunk of chunks) for (const { re, label } of regexes) chunk = chunk.replace(re, label);
  });
}

function keystroke(masker: Masker): number {
  const keys = [...Buffer.from('ls -la /var/log && grep -r error /srv/app/logs | tail -n 20\r')].map((b) => Buffer.of(b));
  let best = Infinity;
  const deadline = performance.now() + BUDGET_MS / 2;
  do {
    const seconds = cpuSeconds(() => {
      for (let i = 0; i < 50; i++) {
        let state = masker.initialState;
        for (const key of keys) state = masker.step(state, key).state;
      }
    });
    best = Math.min(best, (seconds / (50 * keys.length)) * 1e6);
  } while (performance.now() < deadline);
  return best;
}

/** `--enable=key-material,high-entropy-value`: built-ins that are off by default, turned on. */
const enabled = Object.fromEntries(
  (
    process.argv
      .find((a) => a.startsWith('--enable='))
      ?.slice(9)
      .split(',') ?? []
  )
    .filter(Boolean)
    .map((id) => [id, { enabled: true }]),
);
const builtIns = selectRules(enabled);
const withCustom = selectRules(enabled, customRules(50));
const mixed = mixedText();
const dense = denseText();
const base64 = base64Text();
const mask = createMasker(builtIns);
const maskCustom = createMasker(withCustom);

const rows: Array<[string, string, { median: number; best: number }]> = [];
for (const size of [1024, 16384]) {
  const label = size === 1024 ? '1 KiB' : '16 KiB';
  rows.push([`engine, ${builtIns.length} built-ins, mixed text`, label, engine(mask, mixed, size)]);
  rows.push([`engine, ${builtIns.length} built-ins, secret-dense text`, label, engine(mask, dense, size)]);
  rows.push([`engine, built-ins + 50 custom (re2), mixed text`, label, engine(maskCustom, mixed, size)]);
  rows.push([`reference: V8 replace rule by rule (${builtIns.length} rules), mixed`, label, replaceRuleByRule(builtIns, mixed, size)]);
}

for (const size of [4096, 32768]) {
  const label = `${size / 1024} KiB`;
  rows.push([`engine, ${builtIns.length} built-ins, base64 lines (cat)`, label, engine(mask, base64, size)]);
  rows.push([`engine, ${builtIns.length} built-ins, mixed text`, label, engine(mask, mixed, size)]);
}

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\n${pad('case', 62)} ${pad('frame', 7)} ${'MB/s median'.padStart(12)} ${'MB/s best'.padStart(10)}`);
console.log('-'.repeat(94));
for (const [name, frame, { median, best }] of rows) {
  console.log(`${pad(name, 62)} ${pad(frame, 7)} ${median.toFixed(0).padStart(12)} ${best.toFixed(0).padStart(10)}`);
}
console.log('\nms CPU per MB (1000 / median MB/s) for the bulk-output frames:');
for (const [name, frame, { median }] of rows.filter(([, frame]) => frame === '4 KiB' || frame === '32 KiB')) {
  console.log(`  ${pad(name, 60)} ${pad(frame, 7)} ${(1000 / median).toFixed(2).padStart(6)} ms/MB`);
}
console.log(`\nkeystroke (1-byte frame) through the engine: ${keystroke(mask).toFixed(2)} µs CPU`);
console.log(`mixed text ${(mixed.length / 1e6).toFixed(1)} MB, dense text ${(dense.length / 1e6).toFixed(1)} MB, budget ${BUDGET_MS} ms per case`);
