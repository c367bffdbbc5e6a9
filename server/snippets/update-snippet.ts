import { maskWrittenText } from '../masking/rules-store/mask-written-text';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { snippets } from '@/db/snippet-schema';
import type { Actor } from '../actor/actor';
import { requireOwnSnippet } from './find-snippet';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import { snippetUpdate, type SnippetUpdate } from './snippet-schemas';
import { toSnippetView } from './snippet-view';

/** Title, body and notes; where it came from stays as it was. */
export async function updateSnippet({ actor, snippetId, input }: { actor: Actor; snippetId: string; input: SnippetUpdate }): Promise<SnippetView> {
  const current = await requireOwnSnippet(actor, snippetId);
  const data = await maskWrittenText(snippetUpdate.parse(input));
  const [row] = await db()
    .update(snippets)
    .set({ title: data.title ?? current.title, body: data.body ?? current.body, notes: data.notes ?? current.notes, updatedAt: sql`now()` })
    .where(and(eq(snippets.id, current.id), eq(snippets.ownerId, actor.id)))
    .returning();
  return toSnippetView(row!, current.resource);
}
