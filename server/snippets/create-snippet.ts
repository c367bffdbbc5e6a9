import { maskWrittenText } from '../masking/rules-store/mask-written-text';
import { db } from '@/db/client';
import { snippets } from '@/db/snippet-schema';
import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireReplayableRecording } from '../recording/find-recording';
import { findResource } from '../resources/find-resource';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import { snippetInput, type SnippetInput } from './snippet-schemas';
import { toSnippetView } from './snippet-view';

/**
 * Keeps a command or statement for its owner. A source recording must be one the actor may
 * replay (else it does not exist, as everywhere), a reviewer's shared one included (its moment
 * kept inside the shared range); its resource becomes the snippet's unless another is named.
 */
export async function createSnippet({ actor, input }: { actor: Actor; input: SnippetInput }): Promise<SnippetView> {
  const data = snippetInput.parse(input);
  const source = data.recordingId ? await requireReplayableRecording(actor, data.recordingId) : undefined;
  const range = source?.access.kind === 'share' ? source.access.range : null;
  const resourceId = data.resourceId ?? source?.session.resourceId ?? null;
  const resource = resourceId ? await findResource(resourceId) : undefined;
  if (resourceId && !resource) throw new AppError('VALIDATION', { userMessage: 'No such resource.', fields: { resourceId: ['No such resource'] } });
  const written = await maskWrittenText({ title: data.title, body: data.body, notes: data.notes });
  const [row] = await db()
    .insert(snippets)
    .values({
      ownerId: actor.id,
      title: written.title,
      body: written.body,
      kind: data.kind,
      notes: written.notes,
      resourceId,
      recordingId: source ? source.recording.id : null,
      t: source && data.t != null ? Math.max(range?.start ?? 0, Math.min(data.t, range?.end ?? Infinity, source.recording.duration)) : null,
    })
    .returning();
  return toSnippetView(row!, resource ? { id: resource.id, name: resource.name, type: resource.type } : null);
}
