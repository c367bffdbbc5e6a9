import type { Metadata } from 'next';
import Link from 'next/link';
import { ResourceTimeTable, MaskList } from '@/components/insights/ActivityLists';
import { FailureList, PatternList, RetryList, RunList } from '@/components/insights/CommandLists';
import { DailyChart } from '@/components/insights/DailyChart';
import { InsightsFilters } from '@/components/insights/InsightsFilters';
import { InsightSection } from '@/components/insights/InsightSection';
import { InsightSummary } from '@/components/insights/InsightSummary';
import { Alert } from '@/components/ui/Alert';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { getInsights } from '@/server/insights/get-insights';
import type { InsightPeriod } from '@/lib/insights/insights-types';
import { listInsightUsers } from '@/server/insights/list-insight-users';

export const metadata: Metadata = { title: 'Insights' };

type Search = { period?: string; from?: string; to?: string; userId?: string };

const PERIOD_WORDS: Record<InsightPeriod, string> = { week: 'the last 7 days', month: 'the last 30 days', custom: 'these days' };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const period = search.period ?? 'week';
  const [report, users] = await Promise.all([
    getInsights({ actor, query: { period: period as InsightPeriod, from: search.from, to: search.to, userId: search.userId } }).catch((error: unknown) => toAppError(error)),
    listInsightUsers({ actor }),
  ]);
  const isOwn = !('code' in report) ? report.user.id === actor.id : true;
  const whose = 'code' in report || isOwn ? 'your' : `${report.user.name}’s`;

  return (
    <>
      <PageHeader title="Insights" description={`Patterns in ${whose} sessions over a period. Every item links to the moment in its recording.`} />
      <InsightsFilters values={{ period, from: search.from, to: search.to, userId: search.userId }} users={users} viewerId={actor.id} />
      {'code' in report ? (
        <Alert tone="error">{report.fields ? Object.values(report.fields).flat()[0] ?? report.userMessage : report.userMessage}</Alert>
      ) : report.change.current.sessions === 0 ? (
        <EmptyState title={`No sessions in ${PERIOD_WORDS[report.period]}`}>
          {isOwn ? (
            <>
              Open a terminal or SQL console from{' '}
              <Link href="/resources" className="text-indigo-600 underline dark:text-indigo-400">
                Resources
              </Link>
              , or pick a longer period.
            </>
          ) : (
            'Pick a longer period or another person.'
          )}
        </EmptyState>
      ) : (
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
            <InsightSection id="insights-failures" title="Failures by cause" description="Exit codes, error output and database errors, grouped." isEmpty={report.failures.length === 0} empty="Nothing failed in this period.">
              <FailureList groups={report.failures} />
            </InsightSection>
            <InsightSection id="insights-retries" title="Retried after a failure" description="The same command again within 5 minutes, and what finally worked." isEmpty={report.retries.length === 0} empty="No retries in this period.">
              <RetryList chains={report.retries} />
            </InsightSection>
            <InsightSection id="insights-top-commands" title="Most-run commands" description="Paths, numbers and quoted text folded, so similar runs count together." isEmpty={report.topCommands.length === 0} empty="No shell commands in this period.">
              <PatternList items={report.topCommands} label="Most-run commands" />
            </InsightSection>
            <InsightSection id="insights-top-statements" title="Most-run SQL statements" description="Literals folded to ?." isEmpty={report.topStatements.length === 0} empty="No SQL statements in this period.">
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
            <InsightSection id="insights-masks" title="Secrets masked" description="By rule and resource. The secrets themselves were never stored." isEmpty={report.masks.length === 0} empty="Porthole masked no secrets in this period.">
              <MaskList masks={report.masks} isOwn={isOwn} />
            </InsightSection>
          </div>
        </div>
      )}
    </>
  );
}
