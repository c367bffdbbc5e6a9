import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordingCommands, recordings } from '@/db/recording-schema';
import { auditEvents, sessions } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { getInsights } from './get-insights';

const now = new Date('2026-12-04T15:00:00Z');

type SeedCommand = {
  t: number;
  text: string;
  exitCode?: number | null;
  duration?: number | null;
  failureReason?: string | null;
  rowCount?: number | null;
  errorCode?: string | null;
};

/** A finished session and its recording, with its command index as the indexer would leave it. */
async function seedSession(
  userId: string,
  {
    resourceName,
    resourceType = 'ssh',
    startedAt,
    duration,
    commands = [],
    maskMarks = null,
  }: {
    resourceName: string;
    resourceType?: 'ssh' | 'postgres';
    startedAt: string;
    duration: number;
    commands?: SeedCommand[];
    maskMarks?: { t: number; count: number; rules: string[] }[] | null;
  },
): Promise<string> {
  const at = new Date(startedAt);
  const [session] = await db()
    .insert(sessions)
    .values({ userId, resourceName, resourceType, status: 'ended', startedAt: at, endedAt: new Date(at.getTime() + duration * 1000) })
    .returning();
  const id = session!.id;
  const maskCount = (maskMarks ?? []).reduce((sum, mark) => sum + mark.count, 0);
  await db().insert(recordings).values({
    id,
    userId,
    store: 'file',
    formatVersion: 1,
    cols: 80,
    rows: 24,
    status: 'complete',
    startedAt: at,
    duration,
    commandCount: commands.length,
    maskMarks,
    maskCount,
  });
  if (commands.length > 0)
    await db()
      .insert(recordingCommands)
      .values(commands.map((command, seq) => ({ recordingId: id, seq, exitCode: null, duration: null, failureReason: null, ...command })));
  return id;
}

/** A week of one engineer's work: a failed `ls`, retried until it worked, a slow job, SQL with a big result and an error, secrets on prod-db. */
async function seedWeek(userId: string) {
  const shell = await seedSession(userId, {
    resourceName: 'prod-web',
    startedAt: '2026-12-03T10:00:00Z',
    duration: 600,
    commands: [
      { t: 5, text: 'ls -la /nonexistent', exitCode: null, duration: 0.1, failureReason: "ls: cannot access '/nonexistent': No such file or directory" },
      { t: 20, text: 'ls -la /nonexistnt', exitCode: 2, duration: 0.1 },
      { t: 40, text: 'ls -la /var/log', exitCode: 0, duration: 0.1 },
      { t: 60, text: 'tar czf /tmp/backup.tgz /srv', exitCode: 0, duration: 312.5 },
      { t: 400, text: 'cat /etc/shadow', exitCode: 1, duration: 0.05, failureReason: 'cat: /etc/shadow: Permission denied' },
    ],
    maskMarks: [{ t: 30, count: 3, rules: ['AWS access key ID'] }],
  });
  const sqlSession = await seedSession(userId, {
    resourceName: 'prod-db',
    resourceType: 'postgres',
    startedAt: '2026-12-01T09:00:00Z',
    duration: 300,
    commands: [
      { t: 2, text: "SELECT * FROM users WHERE email = 'a@example.com'", exitCode: 0, duration: 0.02, rowCount: 1 },
      { t: 9, text: "select * from users where email = 'b@example.com'", exitCode: 0, duration: 0.03, rowCount: 1 },
      { t: 30, text: 'SELECT * FROM events', exitCode: 0, duration: 4.2, rowCount: 48_000 },
      { t: 50, text: 'SELECT * FROM nosuch', exitCode: 1, duration: 0.01, failureReason: 'relation "nosuch" does not exist', errorCode: 'query_failed' },
    ],
    maskMarks: [
      { t: 12, count: 1, rules: ['AWS access key ID'] },
      { t: 40, count: 3, rules: ['AWS access key ID', 'AWS secret access key'] },
    ],
  });
  // Last week: one short session, so the week-over-week change has something to compare.
  await seedSession(userId, {
    resourceName: 'prod-web',
    startedAt: '2026-11-25T10:00:00Z',
    duration: 60,
    commands: [{ t: 1, text: 'uptime', exitCode: 0, duration: 0.01 }],
  });
  return { shell, sqlSession };
}

describeEachDriver('getInsights', () => {
  it('reports a week: time, activity per day, top patterns, failures by cause, retries, slowest, largest results and secrets, each linked to its moment', async () => {
    const { user, actor } = await makeUser();
    const { shell, sqlSession } = await seedWeek(user.id);
    const report = await getInsights({ actor, query: { period: 'week' }, now });

    expect(report).toMatchObject({ from: '2026-11-28', to: '2026-12-04', user: { id: user.id } });
    expect(report.resources.map((r) => [r.resourceName, r.sessions, r.seconds])).toEqual([
      ['prod-web', 1, 600],
      ['prod-db', 1, 300],
    ]);
    expect(report.days.find((d) => d.day === '2026-12-03')).toEqual({ day: '2026-12-03', sessions: 1, commands: 5, failed: 3, seconds: 600 });
    expect(report.days.find((d) => d.day === '2026-12-02')).toEqual({ day: '2026-12-02', sessions: 0, commands: 0, failed: 0, seconds: 0 });

    expect(report.topCommands[0]).toMatchObject({ pattern: 'ls -la <path>', count: 3, failed: 2, example: { text: 'ls -la /var/log' } });
    expect(report.topStatements[0]).toMatchObject({ pattern: 'select * from users where email = ?', count: 2 });

    const causes = report.failures.map((f) => [f.kind, f.cause, f.count]);
    expect(causes).toContainEqual(['command', 'ls: cannot access <str>: No such file or directory', 1]);
    expect(causes).toContainEqual(['command', 'Exit code 2', 1]);
    expect(causes).toContainEqual(['command', 'cat: <path>: Permission denied', 1]);
    expect(causes).toContainEqual(['sql', 'relation <str> does not exist (query_failed)', 1]);
    const denied = report.failures.find((f) => f.cause.startsWith('cat:'))!;
    expect(denied.runs[0]).toMatchObject({ text: 'cat /etc/shadow', href: `/recordings/${shell}?t=400` });

    expect(report.retries).toEqual([
      expect.objectContaining({
        pattern: 'ls -la <path>',
        failures: [expect.objectContaining({ text: 'ls -la /nonexistent' }), expect.objectContaining({ text: 'ls -la /nonexistnt' })],
        fix: expect.objectContaining({ text: 'ls -la /var/log', href: `/recordings/${shell}?t=40` }),
      }),
    ]);

    expect(report.slowest[0]).toMatchObject({ text: 'tar czf /tmp/backup.tgz /srv', duration: 312.5, href: `/recordings/${shell}?t=60` });
    expect(report.largestResults[0]).toMatchObject({ text: 'SELECT * FROM events', rowCount: 48_000, href: `/recordings/${sqlSession}?t=30` });

    expect(report.masks.map((m) => [m.rule, m.resourceName, m.count])).toEqual([
      ['AWS access key ID', 'prod-db', 3],
      ['AWS access key ID', 'prod-web', 3],
      ['AWS secret access key', 'prod-db', 1],
    ]);
    expect(report.masks[0]!.moments.map((m) => m.href)).toEqual([`/recordings/${sqlSession}?t=12`, `/recordings/${sqlSession}?t=40`]);

    expect(report.change.current).toEqual({ sessions: 2, seconds: 900, commands: 9, failed: 4, masks: 7 });
    expect(report.change.previous).toEqual({ sessions: 1, seconds: 60, commands: 1, failed: 0, masks: 0 });
    expect(report.change).toMatchObject({ previousFrom: '2026-11-21', previousTo: '2026-11-27' });
  });

  it('does not call a failure nobody retried, or a retry after more than five minutes, a retry', async () => {
    const { user, actor } = await makeUser();
    await seedSession(user.id, {
      resourceName: 'box',
      startedAt: '2026-12-04T08:00:00Z',
      duration: 900,
      commands: [
        { t: 1, text: 'make deploy', exitCode: 2 },
        { t: 400, text: 'make deploy', exitCode: 0 },
        { t: 500, text: 'systemctl restart app', exitCode: 1 },
      ],
    });
    const report = await getInsights({ actor, query: { period: 'week' }, now });
    expect(report.retries).toEqual([]);
    expect(report.failures.map((f) => f.cause).sort()).toEqual(['Exit code 1', 'Exit code 2']);
  });

  it("leaves out other users' work and what falls outside the period", async () => {
    const { user, actor } = await makeUser();
    const other = await makeUser();
    await seedWeek(other.user.id);
    await seedSession(user.id, { resourceName: 'old', startedAt: '2026-10-01T10:00:00Z', duration: 60, commands: [{ t: 1, text: 'ls /x', exitCode: 1 }] });
    const report = await getInsights({ actor, query: { period: 'week' }, now });
    expect(report.resources).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.change.current).toEqual({ sessions: 0, seconds: 0, commands: 0, failed: 0, masks: 0 });
  });

  it("refuses an engineer asking for someone else's insights; an auditor may, and that is audited", async () => {
    const engineer = await makeUser();
    const other = await makeUser();
    await seedWeek(other.user.id);
    const refused = await rejectsWith(getInsights({ actor: engineer.actor, query: { userId: other.user.id, period: 'week' }, now }), 'FORBIDDEN');
    expect(refused.userMessage).toBe('You can only see your own insights.');

    const auditor = await makeUser({ roles: ['auditor'] });
    const report = await getInsights({ actor: auditor.actor, query: { userId: other.user.id, period: 'week' }, now });
    expect(report.user.id).toBe(other.user.id);
    expect(report.failures.length).toBeGreaterThan(0);
    const audited = await db().select().from(auditEvents).where(eq(auditEvents.action, 'insights.view'));
    expect(audited).toMatchObject([{ actorId: auditor.user.id, targetId: other.user.id }]);
  });

  it('answers a custom period and rejects a backwards one', async () => {
    const { user, actor } = await makeUser();
    await seedWeek(user.id);
    const report = await getInsights({ actor, query: { period: 'custom', from: '2026-12-01', to: '2026-12-01' }, now });
    expect(report.resources.map((r) => r.resourceName)).toEqual(['prod-db']);
    expect(report.days).toHaveLength(1);
    await rejectsWith(getInsights({ actor, query: { period: 'custom', from: '2026-12-02', to: '2026-12-01' }, now }), 'VALIDATION');
  });
});
