import fs from 'node:fs';
import os from 'node:os';
import { median, percentile, spread } from '../procedures';
import type { Concurrency } from './concurrency';
import { BARE, CONFIGURED, EXEC, KUBE, log, SSH, type Contender, type ContenderName } from './contenders';
import { QUIET_LOAD, type workload } from './options';
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

/** Each contender's figures per round (empty where it failed): a row shows their median and spread. */
type PerRound = (name: ContenderName) => number[];

function perRound({ bulk, chatty, echoes }: Results): Record<'cat' | 'chatty' | 'echo50' | 'echo99' | 'catCpu' | 'chattyCpu', PerRound> {
  const ok = <R extends { error?: string }>(r: R | undefined) => (r && !r.error ? r : undefined);
  const rates = (r: Throughput | undefined) => ok(r)?.runs.map((run) => run.mbPerSecond) ?? [];
  const echoP = (name: ContenderName, p: number) => ok(echoes.get(name))?.rounds.map((samples) => percentile(samples, p)) ?? [];
  return {
    cat: (n) => rates(bulk.get(n)),
    chatty: (n) => rates(chatty.get(n)),
    echo50: (n) => echoP(n, 50),
    echo99: (n) => echoP(n, 99),
    catCpu: (n) => ok(bulk.get(n))?.cpuMsPerMb ?? [],
    chattyCpu: (n) => ok(chatty.get(n))?.cpuMsPerMb ?? [],
  };
}

/** ssh -tt, the gateway and the pass-through gateway side by side, against #13's targets. */
function headlineTable(results: Results): string {
  const { fileMb, chattyMb, rounds, chattyRounds, echoRounds } = results.sizes;
  const m = perRound(results);
  const row = (label: string, get: PerRound, compare: Compare, digits: number, target: string) => {
    const [s, c, b] = ([SSH, CONFIGURED, BARE] as const).map((name) => median(get(name))) as [number, number, number];
    return [label, spread(get(SSH), digits), spread(get(CONFIGURED), digits), spread(get(BARE), digits), compare(c, s), compare(b, s), target];
  };
  return table(
    ['measure, median (min–max) of the rounds', SSH, CONFIGURED, BARE, 'gateway vs ssh', 'pass-through vs ssh', 'target (#13)'],
    [
      row(`cat ${fileMb} MB, MB/s (${rounds} rounds)`, m.cat, ratio, 1, '≥ 0.9×'),
      row(`head -c ${chattyMb}M urandom | base64, MB/s (${chattyRounds} rounds)`, m.chatty, ratio, 1, ''),
      row(`echo p50 of each round, ms (${echoRounds} rounds)`, m.echo50, plus, 2, '≤ +0.5 ms'),
      row(`echo p99 of each round, ms (${echoRounds} rounds)`, m.echo99, plus, 2, '≤ +3 ms'),
      row('relay CPU per MB, cat, ms', m.catCpu, ratio, 1, 'gateway ≤ 15 ms'),
      row('relay CPU per MB, chatty, ms', m.chattyCpu, ratio, 1, ''),
      ['gateway RSS after GC, MiB: at the start → after each cat run', '', rssAcrossRuns(results, CONFIGURED), rssAcrossRuns(results, BARE), '', '', 'flat'],
    ],
  );
}

function rssAcrossRuns({ rssAtStart, bulk }: Results, name: ContenderName): string {
  const after = bulk.get(name)?.rssAfterMiB ?? [];
  return `${fmt(rssAtStart.get(`cat/${name}`), 0)} → ${after.map((m) => fmt(m, 0)).join(', ') || 'n/a'}`;
}

/**
 * The Kubernetes path (#17): the same pod shell reached straight over exec and through the
 * gateway, beside the gateway's SSH session (same gateway process, same kind of PTY).
 */
function kubernetesTable(results: Results): string | undefined {
  if (!results.contenders.some((c) => c.name === KUBE)) return undefined;
  const { fileMb, chattyMb, rounds, chattyRounds, echoRounds } = results.sizes;
  const m = perRound(results);
  const row = (label: string, get: PerRound, compare: Compare, digits: number) => {
    const [e, k, c] = ([EXEC, KUBE, CONFIGURED] as const).map((name) => median(get(name))) as [number, number, number];
    return [label, spread(get(EXEC), digits), spread(get(KUBE), digits), spread(get(CONFIGURED), digits), compare(k, e), compare(k, c)];
  };
  return table(
    ['measure, median (min–max) of the rounds', EXEC, KUBE, CONFIGURED, 'kubernetes gateway vs exec', 'kubernetes vs ssh gateway'],
    [
      row(`cat ${fileMb} MB, MB/s (${rounds} rounds)`, m.cat, ratio, 1),
      row(`head -c ${chattyMb}M urandom | base64, MB/s (${chattyRounds} rounds)`, m.chatty, ratio, 1),
      row(`echo p50 of each round, ms (${echoRounds} rounds)`, m.echo50, plus, 2),
      row(`echo p99 of each round, ms (${echoRounds} rounds)`, m.echo99, plus, 2),
      row('relay CPU per MB, cat, ms (exec: the harness)', m.catCpu, ratio, 1),
    ],
  );
}

/** Each level and pipeline over its rounds (a fresh gateway each): medians with spreads. */
function concurrencyTable(results: Concurrency[]): string {
  if (results.length === 0) return '(skipped)';
  const groups = new Map<string, Concurrency[]>();
  for (const r of results) groups.set(`${r.pipeline}/${r.sessions}`, [...(groups.get(`${r.pipeline}/${r.sessions}`) ?? []), r]);
  return table(
    [
      'gateway',
      'sessions',
      'rounds',
      'probe echo p50, ms',
      'probe echo p99, ms',
      'ssh -tt probe p99 (same load), ms',
      'gateway CPU, % of a core',
      'RSS per session, KiB',
      'JS heap + buffers per session, KiB',
      'echoed, KB/s',
      'target (#13)',
    ],
    [...groups.values()].map((runs) => {
      const ok = runs.filter((r) => !r.error);
      const col = (get: (r: Concurrency) => number, digits: number) => spread(ok.map(get), digits);
      const failures = runs.length - ok.length;
      const first = runs[0]!;
      return [
        first.pipeline,
        String(first.sessions),
        failures > 0 ? `${runs.length} (${failures} failed: ${runs.find((r) => r.error)?.error ?? ''})` : String(runs.length),
        col((r) => r.gatewayP50, 2),
        col((r) => r.gatewayP99, 2),
        col((r) => r.sshP99, 2),
        col((r) => r.cpuPercent, 1),
        col((r) => r.rssPerSessionKiB, 0),
        col((r) => r.jsPerSessionKiB, 0),
        col((r) => r.echoedKBps, 0),
        first.pipeline === 'configured' && first.sessions === 200 ? 'probe p99 ≤ 50 ms' : '',
      ];
    }),
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
    else if (r)
      details.push(
        `echo, ${contender.name}: ${r.samples.length} samples in ${r.rounds.length} rounds, all pooled: p50 ${fmt(percentile(r.samples, 50), 2)}, p90 ${fmt(percentile(r.samples, 90), 2)}, p99 ${fmt(percentile(r.samples, 99), 2)} ms`,
      );
  }
  return details;
}

/** The report on stdout, and with --markdown also as a Markdown section in that file. */
export function writeReport(results: Results, markdown: string | undefined): void {
  const startLoad = Number(results.info['load average at start']?.split(' ')[0]);
  const quietness = !Number.isFinite(startLoad)
    ? 'load at the start unknown'
    : startLoad > QUIET_LOAD
      ? `NOT a quiet machine: 1-minute load ${fmt(startLoad, 2)} at the start (above ${QUIET_LOAD})`
      : 'quiet at the start';
  const info: Record<string, string> = {
    ...results.info,
    'load average at end': os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
    machine: quietness,
  };
  const headline = headlineTable(results);
  const kubernetes = kubernetesTable(results);
  const kubernetesLines = kubernetes ? ['Kubernetes path:', '', kubernetes, ''] : [];
  const concurrency = concurrencyTable(results.concurrency);
  const details = detailLines(results);
  const machineLines = Object.entries(info).map(([key, value]) => (key === 'free -g' ? `free -g:\n${value}` : `${key}: ${value}`));
  process.stdout.write(`\n${[machineLines.join('\n'), '', headline, '', ...kubernetesLines, concurrency, '', ...details].join('\n')}\n`);
  if (!markdown) return;
  const md = [
    `#### Run of ${info.date?.slice(0, 16).replace('T', ' ')} UTC${startLoad > QUIET_LOAD ? ` (${quietness})` : ''}`,
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
