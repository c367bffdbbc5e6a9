import type { Actor } from '../actor/actor';
import { requireOwnSnippet } from './find-snippet';
import type { SnippetView } from '@/lib/snippets/snippet-types';

export async function getSnippet({ actor, snippetId }: { actor: Actor; snippetId: string }): Promise<SnippetView> {
  return requireOwnSnippet(actor, snippetId);
}
