import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { snippets } from '@/db/snippet-schema';
import type { Actor } from '../actor/actor';
import { requireOwnSnippet } from './find-snippet';

export async function deleteSnippet({ actor, snippetId }: { actor: Actor; snippetId: string }): Promise<void> {
  const current = await requireOwnSnippet(actor, snippetId);
  await db()
    .delete(snippets)
    .where(and(eq(snippets.id, current.id), eq(snippets.ownerId, actor.id)));
}
