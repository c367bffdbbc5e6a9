import fs from 'node:fs';
import { median, percentile } from '../procedures';
import type { Concurrency } from './concurrency';
import { BARE, CONFIGURED, log, SSH, type Contender, type ContenderName } from './contenders';
import type { workload } from './options';
import type { EchoResult, Throughput } from './rounds';

export type Results = {
  info: Record<string, string>;
  sizes: ReturnType<typeof workload>;
  contenders: Contender[];
  rssAtStart: Map<string, number>;
  bulk: Map<ContenderName, Throughput>;
  chatty: Map<ContenderName, Throughput>;
  echoes: Map<ContenderName, EchoResult>;
  concurrency: Concurrency[];
};

const fmt = (n: number | undefined, digits = 1) => (n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : 'n/a');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** ssh -tt, the gateway and the pass-through gateway side by side, against the issue's targets. */
function headlineTable({ sizes, bulk, chatty, echoes }: Results): string {
  const { fileMb, chattyMb, rounds, chattyRounds } = sizes;
  const rate = (r: Throughput | undefined) => (r && !r.error ? median(r.runs.map((run) => run.mbPerSecond)) : NaN);
  // On a shared machine the fastest run is the one least disturbed by others.
  const best = (r: Throughput | undefined) => (r && !r.error && r.runs.length > 0 ? Math.max(...r.runs.map((run) => run.mbPerSecond)) : NaN);
  const cpu = (r: Throughput | undefined) => (r && !r.error ? median(r.cpuMsPerMb) : NaN);
  const echoP = (name: ContenderName, p: number) => {
    const r = echoes.get(name);
    return r && !r.error ? percentile(r.samples, p) : NaN;
  };
  const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`;
  const plus = (a: number, b: number) => `+${fmt(a - b, 2)} ms`;
  const row = (label: string, get: (name: ContenderName) => number, compare: (a: number, b: number) => string, digits: number, target: string) => {
    const [s, c, b] = [get(SSH), get(CONFIGURED), get(BARE)];
    return [label, fmt(s, digits), fmt(c, digits), fmt(b, digits), compare(c, s), compare(b, s), target];
  };
  return table(
    ['measure', SSH, CONFIGURED, BARE, 'gateway vs ssh', 'pass-through vs ssh', 'target (this issue)'],
    [
      row(`cat ${fileMb} MB, MB/s, median of ${rounds}`, (n) => rate(bulk.get(n)), ratio, 1, '≥ 0.8×'),
      row(`cat ${fileMb} MB, MB/s, best of ${rounds}`, (n) => best(bulk.get(n)), ratio, 1, '≥ 0.8×'),
      row(`head -c ${chattyMb}M urandom | base64, MB/s, best of ${chattyRounds}`, (n) => best(chatty.get(n)), ratio, 1, ''),
      row('echo p50, ms', (n) => echoP(n, 50), plus, 2, '≤ +1 ms'),
      row('echo p99, ms', (n) => echoP(n, 99), plus, 2, '≤ +5 ms'),
      row('relay CPU per MB, cat, ms', (n) => cpu(bulk.get(n)), ratio, 1, 'gateway ≤ 20 ms'),
      row('relay CPU per MB, chatty, ms', (n) => cpu(chatty.get(n)), ratio, 1, ''),
    ],
  );
}

function concurrencyTable(results: Concurrency[]): string {
  if (results.length === 0) return '(skipped)';
  return table(
    [
      'gateway',
      'sessions',
      'probe echo p50, ms',
      'probe echo p99, ms',
      'ssh -tt probe p99 (same load), ms',
      'gateway CPU, % of a core',
      'RSS per session, KiB',
      'JS heap + buffers per session, KiB',
      'echoed, KB/s',
    ],
    results.map((r) => [
      r.pipeline,
      String(r.sessions),
      fmt(r.gatewayP50, 2),
      fmt(r.gatewayP99, 2),
      fmt(r.sshP99, 2),
      fmt(r.cpuPercent),
      fmt(r.rssPerSessionKiB, 0),
      fmt(r.jsPerSessionKiB, 0),
      r.error ? `failed: ${r.error}` : fmt(r.echoedKBps, 0),
    ]),
  );
}

/** Each run's figures, the gateways' memory and every failure, one line each. */
function detailLines({ contenders, rssAtStart, bulk, chatty, echoes }: Results): string[] {
  const details: string[] = [];
  for (const [label, results] of [
    ['cat', bulk],
    ['chatty', chatty],
  ] as const) {
    for (const contender of contenders) {
      const r = results.get(contender.name);
      if (!r) continue;
      const runs = r.runs.map((run) => fmt(run.mbPerSecond)).join(', ');
      const memory = contender.gateway
        ? `; gateway RSS after GC ${fmt(rssAtStart.get(`${label}/${contender.name}`), 0)} MiB at start, ${r.rssAfterMiB.map((m) => fmt(m, 0)).join(', ')} MiB after each run`
        : '';
      details.push(
        `${label}, ${contender.name}: ${runs || '-'} MB/s; ${r.runs[0]?.bytes ?? 0} bytes per run; reader CPU ${fmt(median(r.readerCpuMsPerMb))} ms/MB${memory}${r.error ? `; FAILED: ${r.error}` : ''}`,
      );
    }
  }
  for (const contender of contenders) {
    const r = echoes.get(contender.name);
    if (r?.error) details.push(`echo, ${contender.name}: FAILED: ${r.error}`);
    else if (r) details.push(`echo, ${contender.name}: ${r.samples.length} samples, p90 ${fmt(percentile(r.samples, 90), 2)} ms`);
  }
  return details;
}

/** The report on stdout, and with --markdown also as a Markdown section in that file. */
export function writeReport(results: Results, markdown: string | undefined): void {
  const { info } = results;
  const headline = headlineTable(results);
  const concurrency = concurrencyTable(results.concurrency);
  const details = detailLines(results);
  const machineLines = Object.entries(info).map(([key, value]) => (key === 'free -g' ? `free -g:\n${value}` : `${key}: ${value}`));
  process.stdout.write(`\n${[machineLines.join('\n'), '', headline, '', concurrency, '', ...details].join('\n')}\n`);
  if (!markdown) return;
  const md = [
    `#### Run of ${info.date?.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    '```',
    ...machineLines,
    '```',
    '',
    headline,
    '',
    concurrency,
    '',
    ...details.map((d) => `- ${d}`),
    '',
  ].join('\n');
  fs.writeFileSync(markdown, md);
  log(`wrote ${markdown}`);
}
