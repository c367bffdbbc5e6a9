import { z } from 'zod';

/**
 * The contract between server/insights and the /insights page: the question (whose patterns,
 * over which days) and its answer. Days are UTC calendar days; `to` is inclusive. Every item
 * carries the moments behind it, so the page can link each one to the replay.
 */
export const INSIGHT_PERIODS = ['week', 'month', 'custom'] as const;
export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

/** A custom period spans at most this many days (a year, plus a leap day). */
export const MAX_PERIOD_DAYS = 366;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().or(z.literal('').transform(() => undefined));
const day = z.iso.date({ message: 'Use a date like 2026-12-04' });

export const insightsQuery = z
  .object({
    /** Auditors and admins: someone else's insights. Anyone else may only name themselves. */
    userId: optional(z.uuid({ message: 'Not a user: open insights from the user list, or without one for your own' })),
    period: z.enum(INSIGHT_PERIODS, { message: 'Pick the last 7 days, the last 30 days or custom dates' }).default('week'),
    from: optional(day),
    to: optional(day),
    /** `false` leaves out sessions opened with an API token (scripts); anything else keeps them. */
    automated: optional(z.enum(['true', 'false'])),
  })
  .superRefine((q, ctx) => {
    if (q.period !== 'custom') return;
    if (!q.from) ctx.addIssue({ code: 'custom', path: ['from'], message: 'Pick the first day' });
    if (!q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Pick the last day' });
    if (!q.from || !q.to) return;
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day comes before the first' });
    else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `Pick at most ${MAX_PERIOD_DAYS} days` });
  });
export type InsightsQueryInput = z.input<typeof insightsQuery>;
export type InsightsQuery = z.output<typeof insightsQuery>;

/** A moment in a recording: where a link opens the replay. */
export type Moment = { recordingId: string; t: number; href: string };

export type CommandKind = 'command' | 'sql';

/** One command or statement as it ran. */
export type CommandRun = Moment & {
  kind: CommandKind;
  text: string;
  resourceId: string | null;
  resourceName: string;
  /** ISO time it ran (the recording's start plus `t`). */
  at: string;
  duration: number | null;
  rowCount: number | null;
};

export type TopCommand = { kind: CommandKind; pattern: string; count: number; failed: number; example: CommandRun };
export type FailureGroup = { kind: CommandKind; cause: string; count: number; runs: CommandRun[] };
export type RetryChain = { kind: CommandKind; pattern: string; failures: CommandRun[]; fix: CommandRun | null };
export type MaskCount = { rule: string; resourceName: string; count: number; moments: Moment[] };
export type DayActivity = { day: string; sessions: number; commands: number; failed: number; seconds: number };
export type ResourceTime = { resourceName: string; resourceType: string; sessions: number; seconds: number; latest: Moment };

export type Totals = { sessions: number; seconds: number; commands: number; failed: number; masks: number };
export type TotalsChange = { current: Totals; previous: Totals; previousFrom: string; previousTo: string };

export type InsightsReport = {
  user: { id: string; name: string; email: string };
  period: InsightPeriod;
  /** Inclusive UTC days. */
  from: string;
  to: string;
  change: TotalsChange;
  days: DayActivity[];
  resources: ResourceTime[];
  topCommands: TopCommand[];
  topStatements: TopCommand[];
  failures: FailureGroup[];
  retries: RetryChain[];
  slowest: CommandRun[];
  largestResults: CommandRun[];
  masks: MaskCount[];
  /** More commands ran than were read: the lists cover the most recent ones. */
  isTruncated: boolean;
};
