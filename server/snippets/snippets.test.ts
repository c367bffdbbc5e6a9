import { expect, it } from 'vitest';
import { rejectsWith } from '@/test/app-error';
import { describeEachDriver } from '@/test/db-drivers';
import { makeAdmin, makeResource, makeUser, postgresResource, sshResource } from '@/test/factories';
import { makeRecordingRow } from '@/test/recording-rows';
import type { Actor } from '../actor/actor';
import { deleteResource } from '../resources/delete-resource';
import { createSnippet } from './create-snippet';
import { deleteSnippet } from './delete-snippet';
import { getSnippet } from './get-snippet';
import { listSnippets } from './list-snippets';
import { updateSnippet } from './update-snippet';

const recordingOf = (actor: Actor, resource: Parameters<typeof makeRecordingRow>[1]) => makeRecordingRow(actor, resource);

describeEachDriver('snippets', () => {
  it('keeps a command with its source recording and resource, and lists, edits and deletes it', async () => {
    const { actor } = await makeUser();
    const resource = await makeResource(sshResource());
    const recordingId = await recordingOf(actor, resource);
    const saved = await createSnippet({
      actor,
      input: { title: '  Disk by folder ', body: 'du -sh /var/* | sort -h', kind: 'command', notes: 'Use **-h** twice', recordingId, t: 90 },
    });
    expect(saved).toMatchObject({ title: 'Disk by folder', body: 'du -sh /var/* | sort -h', kind: 'command', notes: 'Use **-h** twice', recordingId, t: 60 });
    expect(saved.resource).toEqual({ id: resource.id, name: resource.name, type: 'ssh' });

    const edited = await updateSnippet({ actor, snippetId: saved.id, input: { title: 'Biggest folders', notes: '' } });
    expect(edited).toMatchObject({ title: 'Biggest folders', body: 'du -sh /var/* | sort -h', notes: '', resource: { id: resource.id } });
    expect((await getSnippet({ actor, snippetId: saved.id })).title).toBe('Biggest folders');
    expect((await listSnippets({ actor })).snippets.map((s) => s.title)).toEqual(['Biggest folders']);

    await deleteSnippet({ actor, snippetId: saved.id });
    expect((await listSnippets({ actor })).total).toBe(0);
    await rejectsWith(getSnippet({ actor, snippetId: saved.id }), 'NOT_FOUND');
  });

  it("never shows or changes another user's snippet, not even to an admin", async () => {
    const { actor: owner } = await makeUser();
    const { actor: other } = await makeUser();
    const { actor: admin } = await makeAdmin();
    const saved = await createSnippet({ actor: owner, input: { title: 'mine', body: 'select 1', kind: 'sql' } });
    for (const actor of [other, admin]) {
      await rejectsWith(getSnippet({ actor, snippetId: saved.id }), 'NOT_FOUND');
      await rejectsWith(updateSnippet({ actor, snippetId: saved.id, input: { title: 'taken' } }), 'NOT_FOUND');
      await rejectsWith(deleteSnippet({ actor, snippetId: saved.id }), 'NOT_FOUND');
      expect(await listSnippets({ actor, query: { q: 'mine' } })).toMatchObject({ total: 0, snippets: [] });
    }
    expect((await getSnippet({ actor: owner, snippetId: saved.id })).title).toBe('mine');
  });

  it('refuses a source recording the actor may not replay, as if it did not exist', async () => {
    const { actor: owner } = await makeUser();
    const { actor: other } = await makeUser();
    const resource = await makeResource(sshResource());
    const recordingId = await recordingOf(owner, resource);
    await rejectsWith(createSnippet({ actor: other, input: { title: 'x', body: 'ls', kind: 'command', recordingId } }), 'NOT_FOUND');
    expect((await listSnippets({ actor: other })).total).toBe(0);
  });

  it('finds a substring of the title, command or notes, wildcards taken literally', async () => {
    const { actor } = await makeUser();
    const db1 = await makeResource(postgresResource());
    await createSnippet({ actor, input: { title: 'Table sizes', body: 'SELECT relname FROM pg_class', kind: 'sql', resourceId: db1.id } });
    await createSnippet({
      actor,
      input: { title: 'Tail the log', body: 'journalctl -fu nginx', kind: 'command', notes: 'after a **deploy** on 100% of hosts' },
    });
    await createSnippet({ actor, input: { title: 'Ünïcode héllo', body: 'echo 🚀', kind: 'command' } });
    const titles = async (q: string) => (await listSnippets({ actor, query: { q } })).snippets.map((s) => s.title);
    expect(await titles('PG_CLASS')).toEqual(['Table sizes']);
    expect(await titles('nginx')).toEqual(['Tail the log']);
    expect(await titles('deploy')).toEqual(['Tail the log']);
    expect(await titles('100%')).toEqual(['Tail the log']);
    expect(await titles('%')).toEqual(['Tail the log']);
    // As wildcards, '_' and '%' would match every snippet.
    expect(await titles('_')).toEqual(['Table sizes']);
    expect(await titles('héllo')).toEqual(['Ünïcode héllo']);
    expect(await titles('🚀')).toEqual(['Ünïcode héllo']);
    expect(await titles('.*')).toEqual([]);
    expect(await titles('  ')).toHaveLength(3);
    await rejectsWith(listSnippets({ actor, query: { q: 'x'.repeat(201) } }), 'VALIDATION');
  });

  it('pages the list, last changed first', async () => {
    const { actor } = await makeUser();
    // A few ms apart: two snippets changed in the same instant have no "last changed" order (PGlite saved two in one microsecond in CI).
    for (let i = 1; i <= 5; i++) {
      await createSnippet({ actor, input: { title: `s${i}`, body: `echo ${i}`, kind: 'command' } });
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const first = await listSnippets({ actor, query: { limit: 2 } });
    expect(first).toMatchObject({ total: 5, page: 1, hasMore: true });
    expect(first.snippets.map((s) => s.title)).toEqual(['s5', 's4']);
    const last = await listSnippets({ actor, query: { limit: 2, page: 3 } });
    expect(last).toMatchObject({ hasMore: false });
    expect(last.snippets.map((s) => s.title)).toEqual(['s1']);
  });

  it('refuses bad input with a message per field', async () => {
    const { actor } = await makeUser();
    const fields = async (input: Record<string, unknown>) => (await rejectsWith(createSnippet({ actor, input: input as never }), 'VALIDATION')).fields;
    expect(await fields({ title: ' ', body: 'ls', kind: 'command' })).toHaveProperty('title');
    expect(await fields({ title: 't', body: '  \n ', kind: 'command' })).toHaveProperty('body');
    expect(await fields({ title: 't', body: 'ls', kind: 'shell' })).toHaveProperty('kind');
    expect(await fields({ title: 't', body: 'x'.repeat(20_001), kind: 'command' })).toHaveProperty('body');
    expect(await fields({ title: 't', body: 'ls', kind: 'command', resourceId: 'not-a-uuid' })).toHaveProperty('resourceId');
    expect(await fields({ title: 't', body: 'ls', kind: 'command', resourceId: crypto.randomUUID() })).toHaveProperty('resourceId');
    await rejectsWith(getSnippet({ actor, snippetId: 'nope' }), 'NOT_FOUND');
  });

  it('outlives its resource: the link goes, the command stays', async () => {
    const { actor } = await makeUser();
    const { actor: admin } = await makeAdmin();
    const resource = await makeResource(sshResource());
    const saved = await createSnippet({ actor, input: { title: 'uptime', body: 'uptime', kind: 'command', resourceId: resource.id } });
    await deleteResource({ actor: admin, resourceId: resource.id });
    expect(await getSnippet({ actor, snippetId: saved.id })).toMatchObject({ body: 'uptime', resource: null });
  });
});
