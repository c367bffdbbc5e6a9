import { z } from 'zod';
import { SNIPPET_KINDS } from '@/db/snippet-schema';
import type { SnippetPage, SnippetView } from '@/lib/snippets/snippet-types';
import { snippetInput, snippetQuery, snippetUpdate } from './snippet-schemas';

export const snippetView = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  kind: z.enum(SNIPPET_KINDS),
  notes: z.string().describe('Markdown'),
  resource: z.object({ id: z.uuid(), name: z.string(), type: z.enum(['ssh', 'postgres', 'mysql']) }).nullable(),
  recordingId: z.uuid().nullable(),
  t: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const snippetPageView = z.object({ snippets: z.array(snippetView), total: z.number().int(), page: z.number().int(), hasMore: z.boolean() });

/** Snippets and the notes export, for server/api/openapi.ts. Snippets are private to their owner, admins included. */
export const snippetOperations = [
  {
    method: 'get',
    path: '/snippets',
    summary: 'My snippets, last changed first; q finds a substring of title, command or notes',
    tag: 'Notes & snippets',
    query: snippetQuery,
    response: snippetPageView,
  },
  {
    method: 'post',
    path: '/snippets',
    summary: 'Save a command or SQL statement as a snippet (from a recording I may replay: its resource is linked)',
    tag: 'Notes & snippets',
    body: snippetInput,
    response: snippetView,
    status: 201,
  },
  { method: 'get', path: '/snippets/{id}', summary: 'One of my snippets', tag: 'Notes & snippets', response: snippetView },
  {
    method: 'patch',
    path: '/snippets/{id}',
    summary: 'Edit the title, command or notes of one of my snippets',
    tag: 'Notes & snippets',
    body: snippetUpdate,
    response: snippetView,
  },
  { method: 'delete', path: '/snippets/{id}', summary: 'Delete one of my snippets', tag: 'Notes & snippets', status: 204 },
  {
    method: 'get',
    path: '/notes/export',
    summary: 'Download all my notes as one Markdown file (text/markdown), each linking back to its moment in the replay',
    tag: 'Notes & snippets',
  },
] as const;

// The browser's copies of these shapes (lib/snippets) must accept what the server sends.
type Assignable<From, To> = From extends To ? true : never;
const sameShapes: [Assignable<z.infer<typeof snippetView>, SnippetView>, Assignable<z.infer<typeof snippetPageView>, SnippetPage>] = [true, true];
void sameShapes;
