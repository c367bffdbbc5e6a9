/** The browser side of /api/v1/snippets: JSON in, the server's user message out on failure. */
export type SnippetDraft = {
  title: string;
  body: string;
  kind: 'command' | 'sql';
  notes: string;
  resourceId?: string | null;
  recordingId?: string;
  t?: number;
};

export type SnippetApiResult = { ok: true; id: string } | { ok: false; message: string; fields?: Record<string, string[]> };

type ErrorBody = { id?: unknown; error?: { message?: unknown; fields?: Record<string, string[]> } };

export async function sendSnippet(method: 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<SnippetApiResult> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const parsed = response.status === 204 ? {} : ((await response.json().catch(() => ({}))) as ErrorBody);
    if (response.ok) return { ok: true, id: typeof parsed.id === 'string' ? parsed.id : '' };
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : `The snippet could not be saved (HTTP ${response.status}).`;
    return { ok: false, message, fields: parsed.error?.fields };
  } catch {
    return { ok: false, message: 'Could not reach Porthole. Check your connection and try again.' };
  }
}

/** A title to start from: the first line of the command, shortened. */
export function suggestTitle(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
