import type { ResourceType } from '@/lib/resources/resource-types';
/** A saved snippet as pages, the API and the browser see it (server/snippets makes them). */
export type SnippetView = {
  id: string;
  title: string;
  /** The command or statement. */
  body: string;
  kind: 'command' | 'sql';
  /** Markdown. */
  notes: string;
  /** Null when none was linked or the resource was deleted since. */
  resource: { id: string; name: string; type: ResourceType } | null;
  /** Null when none was linked or the recording was purged since. */
  recordingId: string | null;
  t: number | null;
  createdAt: string;
  updatedAt: string;
};

export type SnippetPage = { snippets: SnippetView[]; total: number; page: number; hasMore: boolean };

/** `?snippet=<id>` on a new terminal or SQL console: that snippet is offered there, never run. */
export const SNIPPET_PARAM = 'snippet';
