import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { resources } from '@/db/schema';
import { snippets, type Snippet } from '@/db/snippet-schema';
import type { SnippetView } from '@/lib/snippets/snippet-types';
import type { ResourceType } from '@/lib/resources/resource-types';

type ResourceRef = { id: string; name: string; type: ResourceType } | null;

export function toSnippetView(row: Snippet, resource: ResourceRef): SnippetView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    kind: row.kind,
    notes: row.notes,
    resource: resource?.id ? resource : null,
    recordingId: row.recordingId,
    t: row.t,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Snippets with their resource's name and type (a left join: the resource may be gone). */
export function selectSnippets() {
  return db()
    .select({ snippet: snippets, resource: { id: resources.id, name: resources.name, type: resources.type } })
    .from(snippets)
    .leftJoin(resources, eq(resources.id, snippets.resourceId));
}
