import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import type { Actor } from '../actor/actor';
import { resourceListQuery, type ResourceView } from './resource-schemas';
import { toResourceView } from './resource-view';

/** The catalogue every signed-in user sees, with search by name/description/host and filters. */
export async function listResources({ actor: _actor, query = {} }: { actor: Actor; query?: z.input<typeof resourceListQuery> }): Promise<ResourceView[]> {
  const { q, type, tag } = resourceListQuery.parse(query);
  const filters: SQL[] = [];
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(resources.name, pattern), ilike(resources.description, pattern), ilike(resources.host, pattern));
    if (match) filters.push(match);
  }
  if (type) filters.push(eq(resources.type, type));
  if (tag) filters.push(sql`${tag} = any(${resources.tags})`);
  const rows = await db()
    .select()
    .from(resources)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(asc(sql`lower(${resources.name})`));
  return rows.map(toResourceView);
}
