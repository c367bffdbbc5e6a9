import { replayHref } from '@/lib/search/search-types';
import type { DayActivity, MaskCount, ResourceTime } from '@/lib/insights/insights-types';
import type { ClassifiedRun } from './command-insights';
import type { SessionRow } from './load-insight-rows';

/** Moments listed under each secrets count. */
const MOMENTS_PER_MASK = 5;

/** Sessions, time, commands and failures per day; a session's time counts on the day it started. */
export function dailyActivity(days: readonly string[], sessions: readonly SessionRow[], runs: readonly ClassifiedRun[]): DayActivity[] {
  const byDay = new Map(days.map((day) => [day, { day, sessions: 0, commands: 0, failed: 0, seconds: 0 }]));
  for (const session of sessions) {
    const day = byDay.get(session.startedAt.toISOString().slice(0, 10));
    if (!day) continue;
    day.sessions += 1;
    day.seconds += session.duration;
  }
  for (const run of runs) {
    const day = byDay.get(run.at.slice(0, 10));
    if (!day) continue;
    day.commands += 1;
    if (run.isFailed) day.failed += 1;
  }
  return [...byDay.values()];
}

/** Time per resource, the most time first; `latest` opens its newest session. */
export function timePerResource(sessions: readonly SessionRow[]): ResourceTime[] {
  const groups = new Map<string, ResourceTime>();
  // Sessions arrive newest first: the first one seen is the latest.
  for (const session of sessions) {
    const key = `${session.resourceType}\u0000${session.resourceName}`;
    const group = groups.get(key) ?? {
      resourceName: session.resourceName,
      resourceType: session.resourceType,
      sessions: 0,
      seconds: 0,
      latest: { recordingId: session.recordingId, t: 0, href: replayHref(session.recordingId, 0) },
    };
    group.sessions += 1;
    group.seconds += session.duration;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.seconds - a.seconds);
}

/**
 * Secrets masked, by rule and resource. A timeline mark keeps its masks' count and the set of
 * rules that fired, not a count per rule: a mark with one rule is exact; a mark with several
 * shares its count among them (the first rules take the remainder).
 */
export function maskCounts(sessions: readonly SessionRow[]): MaskCount[] {
  const groups = new Map<string, MaskCount>();
  for (const session of [...sessions].reverse()) {
    for (const mark of session.maskMarks ?? []) {
      const share = Math.floor(mark.count / Math.max(1, mark.rules.length));
      mark.rules.forEach((rule, i) => {
        const count = share + (i < mark.count % mark.rules.length ? 1 : 0);
        if (count === 0) return;
        const key = `${rule}\u0000${session.resourceName}`;
        const group = groups.get(key) ?? { rule, resourceName: session.resourceName, count: 0, moments: [] };
        group.count += count;
        if (group.moments.length < MOMENTS_PER_MASK)
          group.moments.push({ recordingId: session.recordingId, t: mark.t, href: replayHref(session.recordingId, mark.t) });
        groups.set(key, group);
      });
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.resourceName.localeCompare(b.resourceName) || a.rule.localeCompare(b.rule));
}

export function activityInsights(days: readonly string[], sessions: readonly SessionRow[], runs: readonly ClassifiedRun[]) {
  return { days: dailyActivity(days, sessions, runs), resources: timePerResource(sessions), masks: maskCounts(sessions) };
}
