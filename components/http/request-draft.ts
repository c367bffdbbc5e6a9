import type { HttpMethod, HttpRequestInput } from '@/lib/protocol/http-protocol';

/**
 * What the HTTP console's request editor holds, and the request it sends: the path relative to
 * the resource's base URL, query pairs (from the path's own `?…` and the params tab), headers
 * and a body. No React here, so the conversions are tested on their own.
 */

export type KeyValueRow = { id: string; key: string; value: string };

export type RequestDraft = {
  method: HttpMethod;
  path: string;
  params: KeyValueRow[];
  headers: KeyValueRow[];
  body: string;
};

/** What the console sends for one request (the `request` of a `send` frame). */
export type OutgoingRequest = HttpRequestInput;

let rowCounter = 0;
export function newRow(key = '', value = ''): KeyValueRow {
  return { id: `row-${++rowCounter}`, key, value };
}

export function emptyDraft(): RequestDraft {
  return { method: 'GET', path: '/', params: [], headers: [], body: '' };
}

/** GET and HEAD carry no body: the editor says so and nothing is sent. */
export function hasBody(method: HttpMethod): boolean {
  return method !== 'GET' && method !== 'HEAD';
}

const pairs = (rows: KeyValueRow[]): [string, string][] => rows.filter((row) => row.key.trim() !== '').map((row) => [row.key.trim(), row.value]);

/** `/users?active=1#x` → `/users` and [['active', '1']]; a path always starts with `/`. */
export function splitPath(path: string): { path: string; query: [string, string][] } {
  const trimmed = path.trim().replace(/#.*$/, '');
  const at = trimmed.indexOf('?');
  const bare = at === -1 ? trimmed : trimmed.slice(0, at);
  const search = at === -1 ? '' : trimmed.slice(at + 1);
  return { path: bare.startsWith('/') ? bare : `/${bare}`, query: [...new URLSearchParams(search)] };
}

const hasHeader = (headers: [string, string][], name: string) => headers.some(([key]) => key.toLowerCase() === name);

/**
 * The request as sent: the path's own query first, then the params tab; a JSON content type
 * when a body is given without one (the body editor is a JSON editor).
 */
export function requestFromDraft(draft: RequestDraft): OutgoingRequest {
  const { path, query } = splitPath(draft.path);
  const headers = pairs(draft.headers);
  const body = hasBody(draft.method) ? draft.body : '';
  if (body.trim() !== '' && !hasHeader(headers, 'content-type')) headers.push(['content-type', 'application/json']);
  return { method: draft.method, path, query: [...query, ...pairs(draft.params)], headers, body };
}

/** A copy of a draft with fresh row ids, to load back into the editor from the history. */
export function copyDraft(draft: RequestDraft): RequestDraft {
  return {
    ...draft,
    params: draft.params.map((row) => newRow(row.key, row.value)),
    headers: draft.headers.map((row) => newRow(row.key, row.value)),
  };
}

/** `/users` with [['q', 'a b']] → `/users?q=a+b`. */
export function pathWithQuery(path: string, query: [string, string][]): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
