import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, expect, it } from 'vitest';
import { db } from '@/db/client';
import { recordingShares } from '@/db/sharing-schema';
import { auditEvents } from '@/db/schema';
import { createAnnotation } from '@/server/recording/annotations/create-annotation';
import { listAnnotations } from '@/server/recording/annotations/list-annotations';
import { getEvents } from '@/server/recording/get-events';
import { getRecording } from '@/server/recording/get-recording';
import { exportRecording } from '@/server/recording/export-recording';
import { searchRecording } from '@/server/search/search-recording';
import { recordSynthetic, type SyntheticEvent } from '@/server/search/testing/synthetic-recording';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { setTestEnv } from '@/test/env';
import { makeAdmin, makeUser } from '@/test/factories';
import { updateUser } from '@/server/users/update-user';
import { createSnippet } from '@/server/snippets/create-snippet';
import { listShares } from './list-shares';
import { listSharedWithMe } from './list-shared-with-me';
import { revokeShare } from './revoke-share';
import { shareRecording } from './share-recording';

/** Output every second from 0 to 9: `line-0` … `line-9`, each a command the index finds. */
const EVENTS: SyntheticEvent[] = Array.from({ length: 10 }, (_, i): SyntheticEvent[] => [
  [i, 'i', `echo line-${i}\r`],
  [i + 0.01, 'o', `echo line-${i}\r\nline-${i}\r\n$ `],
]).flat();

async function people() {
  const ada = await makeUser({ name: 'Ada Owner' });
  const rex = await makeUser({ name: 'Rex Reviewer' });
  const eve = await makeUser({ name: 'Eve Engineer' });
  const auditor = await makeUser({ roles: ['auditor'], name: 'Audrey Auditor' });
  const shared = await recordSynthetic({ userId: ada.user.id, events: EVENTS });
  const other = await recordSynthetic({ userId: ada.user.id, events: [[0.5, 'o', 'other secret-ish work\r\n']] });
  return { ada, rex, eve, auditor, shared, other };
}

const outputText = (events: [number, string, string][]) =>
  events
    .filter(([, kind]) => kind === 'o')
    .map(([, , text]) => text)
    .join('');

describeEachDriver('sharing a recording with a reviewer', (driver) => {
  beforeEach(() => setTestEnv({ PORTHOLE_RECORDING_STORE: driver === 'pglite' ? 'file' : 'postgres' }));

  it('the reviewer replays, searches and notes the shared recording, and never sees the owner’s others', async () => {
    const { ada, rex, shared, other } = await people();
    await rejectsWith(getRecording({ actor: rex.actor, recordingId: shared }), 'NOT_FOUND');
    await shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerEmail: rex.user.email, message: 'Look at the restart' } });

    const detail = await getRecording({ actor: rex.actor, recordingId: shared });
    expect(detail.share).toMatchObject({ sharedByName: 'Ada Owner', message: 'Look at the restart', rangeStart: null, rangeEnd: null });
    const events = await getEvents({ actor: rex.actor, recordingId: shared, query: { from: 0, to: 60 } });
    expect(outputText(events.events)).toContain('line-9');
    expect((await searchRecording({ actor: rex.actor, recordingId: shared, query: { q: 'line-3' } })).hits.length).toBeGreaterThan(0);

    // Not the owner's other recording, not exports: as if they did not exist.
    await rejectsWith(getRecording({ actor: rex.actor, recordingId: other }), 'NOT_FOUND');
    await rejectsWith(getEvents({ actor: rex.actor, recordingId: other, query: { from: 0 } }), 'NOT_FOUND');
    await rejectsWith(searchRecording({ actor: rex.actor, recordingId: other, query: { q: 'other' } }), 'NOT_FOUND');
    await rejectsWith(exportRecording({ actor: rex.actor, recordingId: shared, format: 'asciicast' }), 'NOT_FOUND');

    // The reviewer's note is for the owner: shared even when not asked; the owner's private note stays hidden.
    await createAnnotation({ actor: ada.actor, recordingId: shared, input: { t: 1, body: 'my private reminder' } });
    await createAnnotation({ actor: rex.actor, recordingId: shared, input: { t: 2, body: 'why restart here?' } });
    expect((await listAnnotations({ actor: rex.actor, recordingId: shared })).map((n) => n.body)).toEqual(['why restart here?']);
    const asOwner = await listAnnotations({ actor: ada.actor, recordingId: shared });
    expect(asOwner.map((n) => [n.body, n.authorName])).toEqual([
      ['my private reminder', 'Ada Owner'],
      ['why restart here?', 'Rex Reviewer'],
    ]);

    const mine = await listSharedWithMe({ actor: rex.actor });
    expect(mine.shares.map((s) => [s.recordingId, s.ownerName, s.message])).toEqual([[shared, 'Ada Owner', 'Look at the restart']]);
  });

  it('a reviewer’s notes are for the owner (and auditors): another reviewer neither lists nor finds them, and sees the owner’s shared note', async () => {
    const { ada, rex, eve, auditor, shared } = await people();
    for (const reviewer of [rex, eve]) await shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerEmail: reviewer.user.email } });
    await createAnnotation({ actor: rex.actor, recordingId: shared, input: { t: 2, body: 'rex thinks zanzibar' } });
    await createAnnotation({ actor: ada.actor, recordingId: shared, input: { t: 3, body: 'owner explains zanzibar', isShared: true } });

    expect((await listAnnotations({ actor: eve.actor, recordingId: shared })).map((n) => n.body)).toEqual(['owner explains zanzibar']);
    const found = await searchRecording({ actor: eve.actor, recordingId: shared, query: { q: 'zanzibar', kind: 'note' } });
    expect(found.hits.map((hit) => hit.snippet)).toEqual([expect.stringContaining('owner explains')]);
    for (const viewer of [ada, auditor, rex]) {
      expect((await listAnnotations({ actor: viewer.actor, recordingId: shared })).map((n) => n.body)).toEqual([
        'rex thinks zanzibar',
        'owner explains zanzibar',
      ]);
    }
  });

  it('a reviewer keeps a command of the shared recording as a snippet, its moment inside the shared range', async () => {
    const { ada, rex, other } = await people();
    const shared = await recordSynthetic({ userId: ada.user.id, events: EVENTS });
    await shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerEmail: rex.user.email, rangeStart: 3, rangeEnd: 6 } });
    const kept = await createSnippet({ actor: rex.actor, input: { title: 'restart', body: 'echo line-4', kind: 'command', recordingId: shared, t: 9 } });
    expect(kept).toMatchObject({ recordingId: shared, t: 6 });
    await rejectsWith(createSnippet({ actor: rex.actor, input: { title: 'x', body: 'y', kind: 'command', recordingId: other, t: 0 } }), 'NOT_FOUND');
  });

  it('a range shares only its part: events, commands, search and notes outside it are not served', async () => {
    const { ada, rex, shared } = await people();
    await shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerId: rex.user.id, rangeStart: 3, rangeEnd: 5.5 } });

    const all = await getEvents({ actor: rex.actor, recordingId: shared, query: { from: 0, to: 60 } });
    expect(all.events.every(([t]) => t >= 3 && t <= 5.5)).toBe(true);
    expect(outputText(all.events)).toContain('line-5');
    expect(outputText(all.events)).not.toMatch(/line-[0-2]|line-[6-9]/);
    // A seek replays from the range's start, never from a screen made before it.
    const seek = await getEvents({ actor: rex.actor, recordingId: shared, query: { from: 4.5, to: 5, keyframe: true } });
    expect(seek.keyframe).toBeNull();
    expect(outputText(seek.events)).not.toMatch(/line-[0-2]/);
    expect((await getEvents({ actor: rex.actor, recordingId: shared, query: { from: 7, to: 9 } })).events).toEqual([]);

    const detail = await getRecording({ actor: rex.actor, recordingId: shared });
    expect(detail.commands.map((c) => c.text)).toEqual(['echo line-3', 'echo line-4', 'echo line-5']);
    // Totals count the range only: the whole recording's would tell what lies outside it.
    expect(detail.commandCount).toBe(3);
    expect(detail.share).toMatchObject({ rangeStart: 3, rangeEnd: 5.5 });
    expect(detail.heatmap.length).toBeGreaterThan(0);
    expect(detail.heatmap.at(-1)).toBe(0);

    const hits = await searchRecording({ actor: rex.actor, recordingId: shared, query: { q: 'line' } });
    expect(hits.hits.length).toBeGreaterThan(0);
    expect(hits.hits.every((hit) => hit.t >= 3 && hit.t <= 5.5)).toBe(true);

    await createAnnotation({ actor: ada.actor, recordingId: shared, input: { t: 8, body: 'owner note after the range', isShared: true } });
    expect(await listAnnotations({ actor: rex.actor, recordingId: shared })).toEqual([]);
    await rejectsWith(createAnnotation({ actor: rex.actor, recordingId: shared, input: { t: 7, body: 'outside' } }), 'VALIDATION');
    // The owner still sees everything.
    expect((await getRecording({ actor: ada.actor, recordingId: shared })).commands).toHaveLength(10);
  });

  it('after revoke or expiry the reviewer gets not-found', async () => {
    const { ada, rex, shared } = await people();
    const { id } = await shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerEmail: rex.user.email } });
    await getRecording({ actor: rex.actor, recordingId: shared });
    await revokeShare({ actor: ada.actor, recordingId: shared, shareId: id });
    await rejectsWith(getRecording({ actor: rex.actor, recordingId: shared }), 'NOT_FOUND');
    await rejectsWith(getEvents({ actor: rex.actor, recordingId: shared, query: { from: 0 } }), 'NOT_FOUND');
    await rejectsWith(listAnnotations({ actor: rex.actor, recordingId: shared }), 'NOT_FOUND');
    expect((await listSharedWithMe({ actor: rex.actor })).shares).toEqual([]);

    const again = await shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerEmail: rex.user.email, expiresInDays: 1 } });
    await getRecording({ actor: rex.actor, recordingId: shared });
    await db()
      .update(recordingShares)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(recordingShares.id, again.id));
    await rejectsWith(getRecording({ actor: rex.actor, recordingId: shared }), 'NOT_FOUND');
    await rejectsWith(searchRecording({ actor: rex.actor, recordingId: shared, query: { q: 'line' } }), 'NOT_FOUND');

    const shares = await listShares({ actor: ada.actor, recordingId: shared });
    expect(shares.map((s) => [s.state, s.viewCount])).toEqual([
      ['expired', 1],
      ['revoked', 1],
    ]);
    expect(shares[1]!.revokedByName).toBe('Ada Owner');
  });

  it('only the owner, auditors and admins share; a reviewer cannot re-share; the reviewer is an active user, not the owner', async () => {
    const { ada, rex, eve, auditor, shared } = await people();
    const admin = await makeAdmin();
    await rejectsWith(shareRecording({ actor: eve.actor, recordingId: shared, input: { reviewerId: rex.user.id } }), 'NOT_FOUND');
    await rejectsWith(listShares({ actor: eve.actor, recordingId: shared }), 'NOT_FOUND');

    const byAuditor = await shareRecording({ actor: auditor.actor, recordingId: shared, input: { reviewerId: rex.user.id } });
    expect((await listShares({ actor: ada.actor, recordingId: shared }))[0]).toMatchObject({ id: byAuditor.id, sharedByName: 'Audrey Auditor' });
    await rejectsWith(shareRecording({ actor: rex.actor, recordingId: shared, input: { reviewerId: eve.user.id } }), 'FORBIDDEN');
    await rejectsWith(listShares({ actor: rex.actor, recordingId: shared }), 'FORBIDDEN');
    await rejectsWith(revokeShare({ actor: rex.actor, recordingId: shared, shareId: byAuditor.id }), 'FORBIDDEN');
    await rejectsWith(revokeShare({ actor: eve.actor, recordingId: shared, shareId: byAuditor.id }), 'NOT_FOUND');

    await rejectsWith(shareRecording({ actor: admin.actor, recordingId: shared, input: { reviewerId: ada.user.id } }), 'VALIDATION');
    await rejectsWith(shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerEmail: 'nobody@example.test' } }), 'VALIDATION');
    await rejectsWith(shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerId: eve.user.id, expiresInDays: 91 } }), 'VALIDATION');
    await rejectsWith(shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerId: eve.user.id, message: 'x'.repeat(1001) } }), 'VALIDATION');
    await rejectsWith(shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerId: eve.user.id, rangeStart: 5, rangeEnd: 4 } }), 'VALIDATION');
    await updateUser({ actor: admin.actor, userId: eve.user.id, input: { isDisabled: true } });
    await rejectsWith(shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerId: eve.user.id } }), 'VALIDATION');
  });

  it('every share, revoke and view is audited, and the owner sees who watched when', async () => {
    const { ada, rex, shared } = await people();
    const { id } = await shareRecording({ actor: ada.actor, recordingId: shared, input: { reviewerId: rex.user.id } });
    await getRecording({ actor: rex.actor, recordingId: shared });
    await getRecording({ actor: rex.actor, recordingId: shared });
    const [share] = await listShares({ actor: ada.actor, recordingId: shared });
    expect(share).toMatchObject({ id, state: 'active', reviewerName: 'Rex Reviewer', viewCount: 2 });
    expect(share!.views).toHaveLength(2);
    await revokeShare({ actor: ada.actor, recordingId: shared, shareId: id });
    await revokeShare({ actor: ada.actor, recordingId: shared, shareId: id });

    const audit = await db()
      .select({ action: auditEvents.action, actorId: auditEvents.actorId })
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, shared), sql`${auditEvents.action} like 'recording_share.%'`))
      .orderBy(auditEvents.at);
    expect(audit).toEqual([
      { action: 'recording_share.create', actorId: ada.user.id },
      { action: 'recording_share.view', actorId: rex.user.id },
      { action: 'recording_share.view', actorId: rex.user.id },
      { action: 'recording_share.revoke', actorId: ada.user.id },
    ]);
  });
});
