import type { InsightsReport } from '@/lib/insights/insights-types';
import { MaskList, ResourceTimeTable } from './ActivityLists';
import { FailureList, PatternList, RetryList, RunList } from './CommandLists';
import { DailyChart } from './DailyChart';
import { InsightSection } from './InsightSection';
import { InsightSummary } from './InsightSummary';

/** A period's report: totals, per-day charts, then the lists, each entry linked to its moment. */
export function InsightsReportView({ report, isOwn }: { report: InsightsReport; isOwn: boolean }) {
  return (
    <div data-testid="insights-report" className="space-y-6">
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {report.from} – {report.to} (UTC)
        {report.isTruncated ? ' · A busy period: the lists cover the most recent 20,000 commands; the totals cover all.' : ''}
      </p>
      <InsightSummary change={report.change} days={report.days.length} />
      <div className="grid gap-4 lg:grid-cols-2">
        <DailyChart data={report.days} metric="commands" title="Commands and statements per day" />
        <DailyChart data={report.days} metric="time" title="Time in sessions per day (minutes)" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <InsightSection
          id="insights-failures"
          title="Failures by cause"
          description="Exit codes, error output and database errors, grouped."
          isEmpty={report.failures.length === 0}
          empty="Nothing failed in this period."
        >
          <FailureList groups={report.failures} />
        </InsightSection>
        <InsightSection
          id="insights-retries"
          title="Retried after a failure"
          description="The same command again within 5 minutes, and what finally worked."
          isEmpty={report.retries.length === 0}
          empty="No retries in this period."
        >
          <RetryList chains={report.retries} />
        </InsightSection>
        <InsightSection
          id="insights-top-commands"
          title="Most-run commands"
          description="Paths, numbers and quoted text folded, so similar runs count together."
          isEmpty={report.topCommands.length === 0}
          empty="No shell commands in this period."
        >
          <PatternList items={report.topCommands} label="Most-run commands" />
        </InsightSection>
        <InsightSection
          id="insights-top-statements"
          title="Most-run SQL statements"
          description="Literals folded to ?."
          isEmpty={report.topStatements.length === 0}
          empty="No SQL statements in this period."
        >
          <PatternList items={report.topStatements} label="Most-run SQL statements" />
        </InsightSection>
        <InsightSection id="insights-slowest" title="Slowest" isEmpty={report.slowest.length === 0} empty="No timed commands in this period.">
          <RunList runs={report.slowest} label="Slowest commands and statements" measure="duration" />
        </InsightSection>
        <InsightSection id="insights-largest" title="Largest result sets" isEmpty={report.largestResults.length === 0} empty="No SQL results in this period.">
          <RunList runs={report.largestResults} label="Largest result sets" measure="rows" />
        </InsightSection>
        <InsightSection id="insights-resources" title="Time per resource" isEmpty={report.resources.length === 0} empty="No sessions.">
          <ResourceTimeTable resources={report.resources} />
        </InsightSection>
        <InsightSection
          id="insights-masks"
          title="Secrets masked"
          description="By rule and resource. The secrets themselves were never stored."
          isEmpty={report.masks.length === 0}
          empty="Porthole masked no secrets in this period."
        >
          <MaskList masks={report.masks} isOwn={isOwn} />
        </InsightSection>
      </div>
    </div>
  );
}
