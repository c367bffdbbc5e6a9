import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

/** bench:terminal's flags (documented at the top of scripts/bench/terminal.ts). */
export type Options = { quick: boolean; sessions: number[]; markdown?: string; db: 'postgres' | 'pglite'; store: 'file' | 'postgres'; kubernetes: boolean };

export function parseOptions(argv: string[]): Options {
  // 200 sessions is the level #13 sets its target at; --sessions=50,100,200 measures more.
  const options: Options = { quick: false, sessions: [200], db: 'postgres', store: 'file', kubernetes: true };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg.startsWith('--sessions='))
      options.sessions = arg
        .slice(11)
        .split(',')
        .map(Number)
        .filter((n) => n > 0);
    else if (arg.startsWith('--markdown=')) options.markdown = arg.slice(11);
    else if (arg === '--db=pglite' || arg === '--db=postgres') options.db = arg.slice(5) as Options['db'];
    else if (arg === '--store=file' || arg === '--store=postgres') options.store = arg.slice(8) as Options['store'];
    else if (arg === '--no-kubernetes') options.kubernetes = false;
    else throw new Error(`unknown option ${arg}`);
  }
  if (options.quick && !argv.some((a) => a.startsWith('--sessions='))) options.sessions = [20];
  if (options.store === 'postgres' && options.db === 'pglite') throw new Error('--store=postgres needs --db=postgres');
  return options;
}

/**
 * The sizes and counts a run uses: --quick is a smoke run. A full run measures every contender
 * in 5 interleaved rounds of each kind (a figure is claimed from the median, with its spread).
 */
export function workload(options: Options) {
  return {
    fileMb: options.quick ? 40 : 250,
    chattyMb: options.quick ? 10 : 100,
    rounds: options.quick ? 1 : 5,
    chattyRounds: options.quick ? 1 : 5,
    echoRounds: options.quick ? 2 : 5,
    /** Echo probes per contender, split evenly over its rounds. */
    probes: options.quick ? 100 : 500,
    /** Each concurrency level, each pipeline: a fresh gateway process per round. */
    concurrencyRounds: options.quick ? 1 : 5,
    concurrencyWindowMs: options.quick ? 4_000 : 10_000,
  };
}

/** Above this 1-minute load average at the start, a run says it was not on a quiet machine. */
export const QUIET_LOAD = 0.5;

function machine(): Record<string, string> {
  const cpuModel = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  return {
    date: new Date().toISOString(),
    command: `npm run bench:terminal${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    nproc: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    cpu: cpuModel,
    'free -g': spawnSync('free', ['-g'], { encoding: 'utf8' }).stdout.trimEnd(),
    node: process.version,
    openssh: spawnSync('ssh', ['-V'], { encoding: 'utf8' }).stderr.trim(),
    'load average at start': os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
  };
}

/** The machine and the configuration, as the report's first lines. */
export function describeRun(options: Options): Record<string, string> {
  return {
    ...machine(),
    'gateway database': options.db === 'postgres' ? 'PostgreSQL 15 on loopback, one database per gateway process' : 'PGlite in memory',
    'recording store': options.store === 'file' ? 'files under the gateway data directory (the default)' : 'PostgreSQL (--store=postgres)',
    'kubernetes path': options.kubernetes ? 'the exec harness (test/harness/kube) in its own process, bash on a PTY as root' : 'skipped (--no-kubernetes)',
  };
}
