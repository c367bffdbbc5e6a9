import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import type { Actor } from '../actor/actor';
import { hasResourceAccess } from '../sessions/check-resource-access';

/** The snippets' resources the actor may open a session on now (the rule the gateway follows). */
export async function resourcesOpenTo(actor: Actor, snippets: SnippetView[]): Promise<Set<string>> {
  const ids = [...new Set(snippets.flatMap((s) => (s.resource ? [s.resource.id] : [])))];
  if (ids.length === 0) return new Set();
  const rows = await db().select().from(resources).where(inArray(resources.id, ids));
  const allowed = await Promise.all(rows.map(async (row) => ((await hasResourceAccess(actor, row)) ? row.id : null)));
  return new Set(allowed.filter((id): id is string => id !== null));
}
