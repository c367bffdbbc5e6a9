import { and, eq } from 'drizzle-orm';
import { snippets } from '@/db/snippet-schema';
import { isUuid } from '@/lib/uuid/is-uuid';
import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import { selectSnippets, toSnippetView } from './snippet-view';

/**
 * One of the actor's own snippets. Snippets are private, to admins too: someone else's
 * does not exist (404), so ids cannot be probed.
 */
export async function requireOwnSnippet(actor: Actor, snippetId: string): Promise<SnippetView> {
  const [row] = isUuid(snippetId) ? await selectSnippets().where(and(eq(snippets.id, snippetId), eq(snippets.ownerId, actor.id))) : [];
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'No such snippet.' });
  return toSnippetView(row.snippet, row.resource);
}
