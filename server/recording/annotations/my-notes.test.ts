import { expect, it } from 'vitest';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeResource, makeUser, sshResource } from '@/test/factories';
import { makeRecordingRow } from '@/test/recording-rows';
import { createAnnotation } from './create-annotation';
import { exportMyNotes, formatNotesMarkdown } from './export-my-notes';
import { listMyNotes } from './list-my-notes';

describeEachDriver('my notes: search and export', () => {
  it('finds notes by a substring of their text or tags, only mine', async () => {
    const { actor } = await makeUser();
    const { actor: other } = await makeUser();
    const resource = await makeResource(sshResource());
    const mine = await makeRecordingRow(actor, resource);
    const theirs = await makeRecordingRow(other, resource);
    await createAnnotation({ actor, recordingId: mine, input: { t: 1, body: 'Disk **filled** up at 03:00', tags: 'incident' } });
    await createAnnotation({ actor, recordingId: mine, input: { t: 2, body: 'Rotated the logs', tags: 'ops, logrotate' } });
    await createAnnotation({ actor: other, recordingId: theirs, input: { t: 1, body: 'Disk filled on their side' } });
    const bodies = async (query: { q?: string; tag?: string }) => (await listMyNotes({ actor, query })).notes.map((n) => n.body);
    expect(await bodies({ q: 'DISK' })).toEqual(['Disk **filled** up at 03:00']);
    expect(await bodies({ q: 'logrot' })).toEqual(['Rotated the logs']);
    expect(await bodies({ q: 'incident' })).toEqual(['Disk **filled** up at 03:00']);
    expect(await bodies({ q: 'the', tag: 'ops' })).toEqual(['Rotated the logs']);
    expect(await bodies({ q: '%' })).toEqual([]);
    expect(await bodies({ q: '' })).toHaveLength(2);
    await rejectsWith(listMyNotes({ actor, query: { q: 'x'.repeat(201) } }), 'VALIDATION');
  });

  it('pages through my notes newest first, each once, and counts them with the same search', async () => {
    const { actor } = await makeUser();
    const recording = await makeRecordingRow(actor, await makeResource(sshResource()));
    for (let i = 1; i <= 5; i += 1) await createAnnotation({ actor, recordingId: recording, input: { t: i, body: `note ${i}`, tags: i % 2 ? 'odd' : '' } });
    const page = (query: { page: number; tag?: string }) => listMyNotes({ actor, query: { limit: 2, ...query } });
    const pages = await Promise.all([1, 2, 3, 4].map((n) => page({ page: n })));
    expect(pages.map((p) => p.notes.map((n) => n.body))).toEqual([['note 5', 'note 4'], ['note 3', 'note 2'], ['note 1'], []]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5, 5]);
    expect(await page({ page: 1, tag: 'odd' })).toMatchObject({ total: 3, notes: [{ body: 'note 5' }, { body: 'note 3' }] });
    await expect(listMyNotes({ actor, query: { page: 0 } })).rejects.toThrow();
  });

  it('exports every note as Markdown: by session, newest first, by moment, each linking back to it', async () => {
    const { actor } = await makeUser();
    const { actor: other } = await makeUser();
    const resource = await makeResource(sshResource({ name: 'prod-web' }));
    const older = await makeRecordingRow(actor, resource, { startedAt: new Date('2026-11-01T09:00:00Z'), duration: 4000 });
    const newer = await makeRecordingRow(actor, resource, { startedAt: new Date('2026-12-01T10:30:00Z') });
    await createAnnotation({ actor, recordingId: older, input: { t: 3725.5, body: 'late one' } });
    await createAnnotation({ actor, recordingId: older, input: { t: 5, endT: 9, body: 'early <script>alert(1)</script> `a<b`', tags: 'db' } });
    await createAnnotation({ actor, recordingId: newer, input: { t: 42, body: '## A heading\n\n- item' } });
    await createAnnotation({ actor: other, recordingId: await makeRecordingRow(other, resource), input: { t: 1, body: 'not mine' } });

    const markdown = await exportMyNotes({ actor, origin: 'https://porthole.example', now: new Date('2026-12-04T14:00:00Z') });
    expect(markdown).toBe(
      [
        '# My notes',
        '',
        'Exported from Porthole on 2026-12-04 14:00 UTC: 3 notes.',
        '',
        '## prod-web, session of 2026-12-01 10:30 UTC',
        '',
        `### [0:42](https://porthole.example/recordings/${newer}?t=42)`,
        '',
        '## A heading\n\n- item',
        '',
        '## prod-web, session of 2026-11-01 09:00 UTC',
        '',
        `### [0:05–0:09](https://porthole.example/recordings/${older}?t=5)`,
        '',
        'Tags: #db',
        '',
        'early \\<script>alert(1)\\</script> `a<b`',
        '',
        `### [1:02:05](https://porthole.example/recordings/${older}?t=3725.5)`,
        '',
        'late one',
        '',
      ].join('\n'),
    );
  });
});

it('says when there are no notes, and keeps Porthole-made headings free of markup', () => {
  expect(formatNotesMarkdown([], { origin: 'http://localhost:3000', exportedAt: new Date('2026-12-04T14:00:00Z') })).toBe(
    '# My notes\n\nExported from Porthole on 2026-12-04 14:00 UTC: 0 notes.\n',
  );
  const note = {
    recordingId: 'r1',
    resourceName: 'db <b>*x*</b>',
    recordingStartedAt: new Date('2026-12-04T13:00:00Z'),
    t: 0,
    endT: null,
    body: 'b',
    tags: [],
    createdAt: new Date(),
  };
  expect(formatNotesMarkdown([note], { origin: 'http://h', exportedAt: new Date('2026-12-04T14:00:00Z') })).toContain(
    '## db \\<b\\>\\*x\\*\\</b\\>, session of 2026-12-04 13:00 UTC',
  );
});
