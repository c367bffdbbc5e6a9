import type { Metadata } from 'next';
import Link from 'next/link';
import { InsightsFilters } from '@/components/insights/InsightsFilters';
import { InsightsReportView } from '@/components/insights/InsightsReportView';
import { Alert } from '@/components/ui/Alert';
import { EmptyState, PageHeader } from '@/components/ui/PageHeader';
import { requirePageActor } from '@/server/auth/require-page-actor';
import { toAppError } from '@/server/errors/to-app-error';
import { getInsights } from '@/server/insights/get-insights';
import type { InsightPeriod } from '@/lib/insights/insights-types';
import { listInsightUsers } from '@/server/insights/list-insight-users';

export const metadata: Metadata = { title: 'Insights' };

type Search = { period?: string; from?: string; to?: string; userId?: string; automated?: string };

const PERIOD_WORDS: Record<InsightPeriod, string> = { week: 'the last 7 days', month: 'the last 30 days', custom: 'these days' };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor();
  const search = await searchParams;
  const period = search.period ?? 'week';
  const [report, users] = await Promise.all([
    getInsights({
      actor,
      query: {
        period: period as InsightPeriod,
        from: search.from,
        to: search.to,
        userId: search.userId,
        automated: search.automated === 'false' ? 'false' : undefined,
      },
    }).catch((error: unknown) => toAppError(error)),
    listInsightUsers({ actor }),
  ]);
  const isOwn = !('code' in report) ? report.user.id === actor.id : true;
  const whose = 'code' in report || isOwn ? 'your' : `${report.user.name}’s`;

  return (
    <>
      <PageHeader title="Insights" description={`Patterns in ${whose} sessions over a period. Every item links to the moment in its recording.`} />
      <InsightsFilters
        values={{ period, from: search.from, to: search.to, userId: search.userId, automated: search.automated }}
        users={users}
        viewerId={actor.id}
      />
      {'code' in report ? (
        <Alert tone="error">{report.fields ? (Object.values(report.fields).flat()[0] ?? report.userMessage) : report.userMessage}</Alert>
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
        <InsightsReportView report={report} isOwn={isOwn} />
      )}
    </>
  );
}
