import { expect, it } from 'vitest';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { getRequest } from '@/server/access/get-request';
import { accessScenario } from '@/server/access/test-helpers';
import { createAnnotation } from '@/server/recording/annotations/create-annotation';
import { updateAnnotation } from '@/server/recording/annotations/update-annotation';
import { searchRecording } from '@/server/search/search-recording';
import { recordSynthetic } from '@/server/search/testing/synthetic-recording';
import { createSnippet } from '@/server/snippets/create-snippet';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';

const TOKEN = 'ghp_B0D2xTZdFD2mEWKlH5APw0iQ75H8MqYiwFXW';

/**
 * What people write is stored, searched, exported and shown to others like what a terminal
 * printed, so it is masked the same way before it is stored (found by an insider review: a
 * token in a note was searchable by the token itself and in the notes export).
 */
describeEachDriver('text people write is masked before it is stored', () => {
  it('notes and snippets: the token is masked in what is stored, and search never finds it', async () => {
    const { user, actor } = await makeUser();
    const recordingId = await recordSynthetic({ userId: user.id, events: [[1, 'o', 'deploy done\r\n']] });
    const note = await createAnnotation({ actor, recordingId, input: { t: 1, body: `rotated, old one was ${TOKEN}`, tags: [TOKEN.slice(0, 12)] } });
    expect(note.body).toBe('rotated, old one was [MASKED:github-token]');
    const edited = await updateAnnotation({ actor, recordingId, annotationId: note.id, input: { body: `again ${TOKEN} (sorry)` } });
    expect(edited.body).toBe('again [MASKED:github-token] (sorry)');
    expect((await searchRecording({ actor, recordingId, query: { q: TOKEN.slice(-10) } })).hits).toEqual([]);

    const snippet = await createSnippet({
      actor,
      input: { title: `use ${TOKEN}`, body: `curl -H "Authorization: token ${TOKEN}" …`, kind: 'command', notes: 'plain words stay' },
    });
    expect(snippet.title).toBe('use [MASKED:github-token]');
    expect(snippet.body).not.toContain(TOKEN.slice(4, 20));
    expect(snippet.notes).toBe('plain words stay');
  });

  it('an access request’s reason and the approver’s comment', async () => {
    const { resource, engineer, approvers } = await accessScenario({ approvers: 1 });
    const { id } = await createRequest({
      actor: engineer.actor,
      input: { resourceId: resource.id, durationMinutes: 30, reason: `CI token ${TOKEN} leaked, rotating` },
    });
    await approveRequest({ actor: approvers[0]!.actor, requestId: id, input: { comment: `ok, and revoke ${TOKEN}` } });
    const request = await getRequest({ actor: engineer.actor, requestId: id });
    expect(JSON.stringify(request)).not.toContain(TOKEN.slice(4, 20));
    expect(request.reason).toBe('CI token [MASKED:github-token] leaked, rotating');
  });
});
