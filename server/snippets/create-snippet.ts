import { db } from '@/db/client';
import { snippets } from '@/db/snippet-schema';
import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireVisibleRecording } from '../recording/find-recording';
import { findResource } from '../resources/find-resource';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import { snippetInput, type SnippetInput } from './snippet-schemas';
import { toSnippetView } from './snippet-view';

/**
 * Keeps a command or statement for its owner. A source recording must be one the actor may
 * replay (else it does not exist, as everywhere); its resource becomes the snippet's unless
 * another is named.
 */
export async function createSnippet({ actor, input }: { actor: Actor; input: SnippetInput }): Promise<SnippetView> {
  const data = snippetInput.parse(input);
  const source = data.recordingId ? await requireVisibleRecording(actor, data.recordingId) : undefined;
  const resourceId = data.resourceId ?? source?.session.resourceId ?? null;
  const resource = resourceId ? await findResource(resourceId) : undefined;
  if (resourceId && !resource) throw new AppError('VALIDATION', { userMessage: 'No such resource.', fields: { resourceId: ['No such resource'] } });
  const [row] = await db()
    .insert(snippets)
    .values({
      ownerId: actor.id,
      title: data.title,
      body: data.body,
      kind: data.kind,
      notes: data.notes,
      resourceId,
      recordingId: source ? source.recording.id : null,
      t: source && data.t != null ? Math.min(data.t, source.recording.duration) : null,
    })
    .returning();
  return toSnippetView(row!, resource ? { id: resource.id, name: resource.name, type: resource.type } : null);
}
