import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import { snippets } from '@/db/snippet-schema';
import type { Actor } from '../actor/actor';
import type { SnippetPage } from '@/lib/snippets/snippet-types';
import { likePattern } from '@/lib/text/like-pattern';
import { snippetQuery, type SnippetQuery } from './snippet-schemas';
import { selectSnippets, toSnippetView } from './snippet-view';

/** The actor's own snippets, last changed first; `q` finds a substring of title, command or notes. */
export async function listSnippets({ actor, query = {} }: { actor: Actor; query?: SnippetQuery }): Promise<SnippetPage> {
  const { q, page, limit } = snippetQuery.parse(query);
  const filters: SQL[] = [eq(snippets.ownerId, actor.id)];
  if (q) {
    const pattern = likePattern(q);
    filters.push(or(ilike(snippets.title, pattern), ilike(snippets.body, pattern), ilike(snippets.notes, pattern))!);
  }
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    selectSnippets()
      .where(where)
      .orderBy(desc(snippets.updatedAt), desc(snippets.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db().select({ n: count() }).from(snippets).where(where),
  ]);
  const n = total?.n ?? 0;
  return { snippets: rows.map((row) => toSnippetView(row.snippet, row.resource)), total: n, page, hasMore: page * limit < n };
}
