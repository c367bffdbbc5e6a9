import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { exportAuditEvents, listAuditEvents } from './list-audit-events';

describeEachDriver('audit log', () => {
  it('filters by actor, resource, action and time, pages without gaps, and exports JSONL', async () => {
    const auditor = await makeUser({ roles: ['auditor'], name: 'Audrey Auditor' });
    const grace = await makeUser({ email: 'grace@example.test', name: 'Grace' });
    const resourceId = '11111111-1111-4111-8111-111111111111';
    // Start from an empty log (creating the users above wrote events).
    await db()
      .delete(auditEvents)
      .where(sql`true`);
    const base = Date.parse('2026-01-01T10:00:00Z');
    await db()
      .insert(auditEvents)
      .values(
        Array.from({ length: 7 }, (_, i) => ({
          at: new Date(base + Math.floor(i / 2) * 60_000), // pairs share a timestamp
          actorId: i % 2 === 0 ? grace.user.id : null,
          action: i < 4 ? 'request.create' : 'grant.expire',
          targetType: 'access_request',
          targetId: `t${i}`,
          data: i === 6 ? {} : { resourceId },
        })),
      );

    const all = await listAuditEvents({ actor: auditor.actor, query: { limit: 3 } });
    expect(all.events).toHaveLength(3);
    const seen = [...all.events];
    let cursor = all.nextCursor;
    while (cursor) {
      const page = await listAuditEvents({ actor: auditor.actor, query: { limit: 3, cursor } });
      seen.push(...page.events);
      cursor = page.nextCursor;
    }
    expect(seen.map((e) => e.targetId).sort()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);

    const byActor = await listAuditEvents({ actor: auditor.actor, query: { actor: 'GRACE@' } });
    expect(byActor.events.map((e) => e.targetId).sort()).toEqual(['t0', 't2', 't4', 't6']);
    expect(byActor.events[0]?.actor).toMatchObject({ email: 'grace@example.test' });
    expect((await listAuditEvents({ actor: auditor.actor, query: { actor: grace.user.id } })).events).toHaveLength(4);
    expect((await listAuditEvents({ actor: auditor.actor, query: { resourceId } })).events).toHaveLength(6);
    expect((await listAuditEvents({ actor: auditor.actor, query: { action: 'grant.' } })).events).toHaveLength(3);
    expect((await listAuditEvents({ actor: auditor.actor, query: { action: 'request.create' } })).events).toHaveLength(4);
    const window = await listAuditEvents({ actor: auditor.actor, query: { from: '2026-01-01T10:01:00Z', to: '2026-01-01T10:02:00Z' } });
    expect(window.events.map((e) => e.targetId).sort()).toEqual(['t2', 't3', 't4', 't5']);

    let jsonl = '';
    for await (const line of exportAuditEvents({ actor: auditor.actor, query: { action: 'grant.' } })) jsonl += line;
    const lines = jsonl
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { action: string });
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.action === 'grant.expire')).toBe(true);
  });

  it('is for admins and auditors only, and rejects bad filters clearly', async () => {
    const engineer = await makeUser();
    const approver = await makeUser({ roles: ['approver'] });
    await rejectsWith(listAuditEvents({ actor: engineer.actor }), 'FORBIDDEN');
    await rejectsWith(listAuditEvents({ actor: approver.actor }), 'FORBIDDEN');
    const admin = await makeUser({ roles: ['admin'] });
    await rejectsWith(listAuditEvents({ actor: admin.actor, query: { from: 'yesterday-ish' } }), 'VALIDATION');
    await rejectsWith(listAuditEvents({ actor: admin.actor, query: { cursor: 'garbage' } }), 'BAD_REQUEST');
    // Dates JavaScript reads but PostgreSQL cannot hold, and forged cursors naming no real moment: refused, not a 500.
    await rejectsWith(listAuditEvents({ actor: admin.actor, query: { from: '-100000-01-01' } }), 'VALIDATION');
    await rejectsWith(listAuditEvents({ actor: admin.actor, query: { to: '+200000-01-01' } }), 'VALIDATION');
    await rejectsWith(listAuditEvents({ actor: admin.actor, query: { from: '2025-02-01', to: '2025-01-01' } }), 'VALIDATION');
    const id = '0b6c0a4e-3f1d-4c1a-9a5e-2f0e8c7d6b5a';
    for (const at of ['2020-13-45 00:00:00', '9999999999', '2021-02-29 10:00:00+00']) {
      const cursor = Buffer.from(`${at}|${id}`).toString('base64url');
      await rejectsWith(listAuditEvents({ actor: admin.actor, query: { cursor } }), 'BAD_REQUEST');
    }
  });
});
