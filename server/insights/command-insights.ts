import { recordingKindOf } from '@/lib/recording/recording-kind';
import { replayHref } from '@/lib/search/search-types';
import type { CommandKind, CommandRun, FailureGroup, TopCommand } from '@/lib/insights/insights-types';
import type { CommandRow } from './load-insight-rows';
import { normaliseCommand, normaliseFailure } from './normalise-command';
import { normaliseSql } from './normalise-sql';

/** Entries per list on the page. */
export const LIST_SIZE = 10;
/** Runs shown under each failure cause. */
const RUNS_PER_CAUSE = 5;

/** A run with what the lists group it by. */
export type ClassifiedRun = CommandRun & { pattern: string; isFailed: boolean; cause: string | null };

export function classify(row: CommandRow): ClassifiedRun {
  // A Kubernetes exec is a shell like SSH: its commands group as commands.
  const kind: CommandKind = recordingKindOf(row.resourceType) === 'sql' ? 'sql' : 'command';
  const isFailed = (row.exitCode !== null && row.exitCode !== 0) || row.failureReason !== null;
  return {
    kind,
    recordingId: row.recordingId,
    t: row.t,
    href: replayHref(row.recordingId, row.t),
    text: row.text,
    resourceId: row.resourceId,
    resourceName: row.resourceName,
    at: new Date(row.startedAt.getTime() + row.t * 1000).toISOString(),
    duration: row.duration,
    rowCount: row.rowCount,
    pattern: kind === 'sql' ? normaliseSql(row.text) : normaliseCommand(row.text),
    isFailed,
    cause: isFailed ? causeOf(row) : null,
  };
}

/** What a failure is grouped by: the database's error code and message, the output's message, or the exit code. */
function causeOf(row: CommandRow): string {
  const message = row.failureReason === null ? null : normaliseFailure(row.failureReason);
  if (row.errorCode) return message ? `${message} (${row.errorCode})` : `Error ${row.errorCode}`;
  if (message) return message;
  return `Exit code ${row.exitCode ?? '?'}`;
}

/** Only what a page shows: no grouping keys. */
export const toRun = ({ pattern: _pattern, isFailed: _isFailed, cause: _cause, ...run }: ClassifiedRun): CommandRun => run;

/** Most-run patterns of one kind, most recent run as the example. */
export function topPatterns(runs: readonly ClassifiedRun[], kind: CommandKind): TopCommand[] {
  const groups = new Map<string, TopCommand>();
  for (const run of runs) {
    if (run.kind !== kind || run.pattern === '') continue;
    const group = groups.get(run.pattern) ?? { kind, pattern: run.pattern, count: 0, failed: 0, example: toRun(run) };
    group.count += 1;
    if (run.isFailed) group.failed += 1;
    group.example = toRun(run);
    groups.set(run.pattern, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.example.at.localeCompare(a.example.at)).slice(0, LIST_SIZE);
}

/** Failed runs grouped by cause, the most frequent cause first, newest runs first within one. */
export function failureGroups(runs: readonly ClassifiedRun[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const run of runs) {
    if (!run.isFailed || run.cause === null) continue;
    const key = `${run.kind}\u0000${run.cause}`;
    const group = groups.get(key) ?? { kind: run.kind, cause: run.cause, count: 0, runs: [] };
    group.count += 1;
    group.runs.unshift(toRun(run));
    if (group.runs.length > RUNS_PER_CAUSE) group.runs.pop();
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).slice(0, LIST_SIZE * 2);
}

/** The longest-running commands and statements. */
export function slowest(runs: readonly ClassifiedRun[]): CommandRun[] {
  return runs
    .filter((run) => run.duration !== null && run.duration > 0)
    .sort((a, b) => b.duration! - a.duration!)
    .slice(0, LIST_SIZE)
    .map(toRun);
}

/** The statements that returned or touched the most rows. */
export function largestResults(runs: readonly ClassifiedRun[]): CommandRun[] {
  return runs
    .filter((run) => run.rowCount !== null && run.rowCount > 0)
    .sort((a, b) => b.rowCount! - a.rowCount!)
    .slice(0, LIST_SIZE)
    .map(toRun);
}
