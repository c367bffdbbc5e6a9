import fs from 'node:fs';
import { median, percentile } from '../procedures';
import type { Concurrency } from './concurrency';
import { BARE, CONFIGURED, EXEC, KUBE, log, SSH, type Contender, type ContenderName } from './contenders';
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

const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`;
const plus = (a: number, b: number) => `${a < b ? '-' : '+'}${fmt(Math.abs(a - b), 2)} ms`;
type Compare = (a: number, b: number) => string;

/** The headline measures of one contender, NaN where it failed. */
function measures({ bulk, chatty, echoes }: Results) {
  const rate = (r: Throughput | undefined) => (r && !r.error ? median(r.runs.map((run) => run.mbPerSecond)) : NaN);
  // On a shared machine the fastest run is the one least disturbed by others.
  const best = (r: Throughput | undefined) => (r && !r.error && r.runs.length > 0 ? Math.max(...r.runs.map((run) => run.mbPerSecond)) : NaN);
  const cpu = (r: Throughput | undefined) => (r && !r.error ? median(r.cpuMsPerMb) : NaN);
  const echoP = (name: ContenderName, p: number) => {
    const r = echoes.get(name);
    return r && !r.error ? percentile(r.samples, p) : NaN;
  };
  return {
    catMedian: (n: ContenderName) => rate(bulk.get(n)),
    catBest: (n: ContenderName) => best(bulk.get(n)),
    chattyBest: (n: ContenderName) => best(chatty.get(n)),
    echo50: (n: ContenderName) => echoP(n, 50),
    echo99: (n: ContenderName) => echoP(n, 99),
    catCpu: (n: ContenderName) => cpu(bulk.get(n)),
    chattyCpu: (n: ContenderName) => cpu(chatty.get(n)),
  };
}

/** ssh -tt, the gateway and the pass-through gateway side by side, against the issue's targets. */
function headlineTable(results: Results): string {
  const { fileMb, chattyMb, rounds, chattyRounds } = results.sizes;
  const m = measures(results);
  const row = (label: string, get: (name: ContenderName) => number, compare: Compare, digits: number, target: string) => {
    const [s, c, b] = [get(SSH), get(CONFIGURED), get(BARE)];
    return [label, fmt(s, digits), fmt(c, digits), fmt(b, digits), compare(c, s), compare(b, s), target];
  };
  return table(
    ['measure', SSH, CONFIGURED, BARE, 'gateway vs ssh', 'pass-through vs ssh', 'target (this issue)'],
    [
      row(`cat ${fileMb} MB, MB/s, median of ${rounds}`, m.catMedian, ratio, 1, '≥ 0.8×'),
      row(`cat ${fileMb} MB, MB/s, best of ${rounds}`, m.catBest, ratio, 1, '≥ 0.8×'),
      row(`head -c ${chattyMb}M urandom | base64, MB/s, best of ${chattyRounds}`, m.chattyBest, ratio, 1, ''),
      row('echo p50, ms', m.echo50, plus, 2, '≤ +1 ms'),
      row('echo p99, ms', m.echo99, plus, 2, '≤ +5 ms'),
      row('relay CPU per MB, cat, ms', m.catCpu, ratio, 1, 'gateway ≤ 20 ms'),
      row('relay CPU per MB, chatty, ms', m.chattyCpu, ratio, 1, ''),
    ],
  );
}

/**
 * The Kubernetes path (#17): the same pod shell reached straight over exec and through the
 * gateway, beside the gateway's SSH session (same gateway process, same kind of PTY).
 */
function kubernetesTable(results: Results): string | undefined {
  if (!results.contenders.some((c) => c.name === KUBE)) return undefined;
  const { fileMb, chattyMb, rounds, chattyRounds } = results.sizes;
  const m = measures(results);
  const row = (label: string, get: (name: ContenderName) => number, compare: Compare, digits: number) => {
    const [e, k, c] = [get(EXEC), get(KUBE), get(CONFIGURED)];
    return [label, fmt(e, digits), fmt(k, digits), fmt(c, digits), compare(k, e), compare(k, c)];
  };
  return table(
    ['measure', EXEC, KUBE, CONFIGURED, 'kubernetes gateway vs exec', 'kubernetes vs ssh gateway'],
    [
      row(`cat ${fileMb} MB, MB/s, median of ${rounds}`, m.catMedian, ratio, 1),
      row(`cat ${fileMb} MB, MB/s, best of ${rounds}`, m.catBest, ratio, 1),
      row(`head -c ${chattyMb}M urandom | base64, MB/s, best of ${chattyRounds}`, m.chattyBest, ratio, 1),
      row('echo p50, ms', m.echo50, plus, 2),
      row('echo p99, ms', m.echo99, plus, 2),
      row('relay CPU per MB, cat, ms (exec: the harness)', m.catCpu, ratio, 1),
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
  const kubernetes = kubernetesTable(results);
  const kubernetesLines = kubernetes ? ['Kubernetes path:', '', kubernetes, ''] : [];
  const concurrency = concurrencyTable(results.concurrency);
  const details = detailLines(results);
  const machineLines = Object.entries(info).map(([key, value]) => (key === 'free -g' ? `free -g:\n${value}` : `${key}: ${value}`));
  process.stdout.write(`\n${[machineLines.join('\n'), '', headline, '', ...kubernetesLines, concurrency, '', ...details].join('\n')}\n`);
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
    ...kubernetesLines,
    concurrency,
    '',
    ...details.map((d) => `- ${d}`),
    '',
  ].join('\n');
  fs.writeFileSync(markdown, md);
  log(`wrote ${markdown}`);
}
