import type { Actor } from '../actor/actor';
import { AppError } from '../errors/app-error';
import { requireOwnSnippet } from './find-snippet';

/**
 * The snippet a console page offers (`?snippet=<id>`): the actor's own, or none. A stale or
 * someone else's id shows the console without an offer, not an error page.
 */
export async function offeredSnippet(actor: Actor, snippetId: string | string[] | undefined): Promise<{ title: string; body: string } | undefined> {
  if (typeof snippetId !== 'string') return undefined;
  try {
    const { title, body } = await requireOwnSnippet(actor, snippetId);
    return { title, body };
  } catch (error) {
    if (error instanceof AppError) return undefined;
    throw error;
  }
}
