import { AppError } from '../errors/app-error';
import { canSeeAll, type Actor } from '../actor/actor';
import { recordAuditEvent } from '../audit/record-audit-event';
import { findUserById } from '../users/find-user';
import { activityInsights } from './activity-insights';
import { classify, failureGroups, largestResults, slowest, topPatterns } from './command-insights';
import { insightsQuery, type InsightsQueryInput, type InsightsReport } from '@/lib/insights/insights-types';
import { loadCommandRows, loadSessionRows, loadTotals, MAX_COMMAND_ROWS } from './load-insight-rows';
import { resolvePeriod, toDay } from './resolve-period';
import { retryChains } from './retry-chains';

const DAY_MS = 86_400_000;

/**
 * One user's patterns over a period. Everyone may see their own; auditors and admins anyone's
 * (and that look is an audit event, like a replay). Someone else asking is refused, never
 * answered with an empty report.
 */
export async function getInsights({ actor, query, now = new Date() }: { actor: Actor; query: InsightsQueryInput; now?: Date }): Promise<InsightsReport> {
  const q = insightsQuery.parse(query);
  const userId = q.userId ?? actor.id;
  if (userId !== actor.id && !canSeeAll(actor)) {
    throw new AppError('FORBIDDEN', { message: `user ${actor.id} asked for the insights of ${userId}`, userMessage: 'You can only see your own insights.' });
  }
  const user = await findUserById(userId);
  if (!user) throw new AppError('NOT_FOUND', { userMessage: 'There is no such user.' });
  const period = resolvePeriod(q, now);
  const isAutomatedHidden = q.automated === 'false';
  const window = { userId, start: period.start, end: period.end, isAutomatedHidden };
  const previous = { userId, start: period.previousStart, end: period.start, isAutomatedHidden };
  const [sessions, rows, current, before] = await Promise.all([loadSessionRows(window), loadCommandRows(window), loadTotals(window), loadTotals(previous)]);
  if (userId !== actor.id) {
    await recordAuditEvent({
      actorId: actor.id,
      action: 'insights.view',
      targetType: 'user',
      targetId: userId,
      data: { from: period.days[0], to: period.days.at(-1), via: actor.via },
    });
  }
  const runs = rows.map(classify);
  return {
    user: { id: user.id, name: user.name, email: user.email },
    period: q.period,
    from: period.days[0]!,
    to: period.days.at(-1)!,
    change: { current, previous: before, previousFrom: toDay(period.previousStart), previousTo: toDay(new Date(period.start.getTime() - DAY_MS)) },
    ...activityInsights(period.days, sessions, runs),
    topCommands: topPatterns(runs, 'command'),
    topStatements: topPatterns(runs, 'sql'),
    failures: failureGroups(runs),
    retries: retryChains(runs),
    slowest: slowest(runs),
    largestResults: largestResults(runs),
    isTruncated: rows.length >= MAX_COMMAND_ROWS,
  };
}
