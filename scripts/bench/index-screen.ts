/**
 * The indexer's CPU per MB with and without the rendered-screen check (screen masks), on
 * `cat` of base64 (plain lines: the fast path), coloured `ls`-like lines (an escape sequence on
 * every line: every line checked) and a progress bar redrawn with `\r`.
 *
 *   npx tsx scripts/bench/index-screen.ts [--mb=8] [--runs=3]
 */
import { randomBytes } from 'node:crypto';
import { selectRules } from '@/server/masking/built-in-rules';
import { createMasker } from '@/server/masking/masker';
import { IndexBuilder } from '@/server/recording/index-builder';
import { secretFinder } from '@/server/recording/screen-secrets';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const MB = Number(arg('mb', '8'));
const RUNS = Number(arg('runs', '3'));
const FRAME = 32 * 1024;

function corpus(kind: string, bytes: number): Buffer {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      kind === 'base64'
        ? `${randomBytes(57).toString('base64')}\r\n`
        : kind === 'colour'
          ? `\x1b[01;34mdirectory-${i}\x1b[0m  \x1b[01;32mscript-${i}.sh\x1b[0m  plain-file-${i}.txt\r\n`
          : `\rprogress ${i % 100}% [${'#'.repeat(i % 40).padEnd(40)}] ${randomBytes(6).toString('hex')}${i % 50 === 49 ? '\r\n' : ''}`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join(''));
}

/** Compiled once, as the worker does before the first event. */
const finder = secretFinder(createMasker(selectRules({}, [])));

async function run(data: Buffer, isChecked: boolean): Promise<number> {
  const findSecrets = isChecked ? finder : null;
  const builder = new IndexBuilder({ cols: 120, rows: 40, duration: 100, findSecrets });
  const start = process.cpuUsage();
  let index = 0;
  for (let offset = 0; offset < data.length; offset += FRAME) {
    await builder.add({ t: index * 0.001, kind: 'o', data: data.subarray(offset, offset + FRAME), chunkSeq: 0, index });
    index++;
  }
  await builder.finish();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (data.length / 1024 / 1024);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  console.log(`indexer CPU ms/MB, ${MB} MB per run, median of ${RUNS}`);
  console.log('| output | without screen check | with screen check |');
  console.log('|---|---|---|');
  for (const kind of ['base64', 'colour', 'progress']) {
    const data = corpus(kind, MB * 1024 * 1024);
    const without: number[] = [];
    const withCheck: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(await run(data, false));
      withCheck.push(await run(data, true));
    }
    console.log(`| ${kind} | ${median(without).toFixed(1)} | ${median(withCheck).toFixed(1)} |`);
  }
}

void main();
