import { pathWithQuery, type OutgoingRequest } from './request-draft';

/**
 * "Copy as curl": the request through Porthole's proxy (`/proxy/{resourceId}/…`), signed with
 * the engineer's own API token as `$PORTHOLE_TOKEN`. The resource's credential is injected by
 * Porthole on the way, so it never appears here; a header the engineer typed that would carry
 * a credential of its own (Authorization) is left out, since the token takes its place.
 */

export const TOKEN_PLACEHOLDER = '$PORTHOLE_TOKEN';

/** POSIX shell single quotes: nothing inside expands; a quote is closed, escaped and reopened. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(request: OutgoingRequest, proxy: { origin: string; resourceId: string }): string {
  const url = `${proxy.origin}/proxy/${encodeURIComponent(proxy.resourceId)}${pathWithQuery(request.path, request.query)}`;
  const lines = [`curl -X ${request.method} ${shellQuote(url)}`];
  // Double quotes so the shell expands the token from the environment.
  lines.push(`-H "Authorization: Bearer ${TOKEN_PLACEHOLDER}"`);
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() === 'authorization') continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.body !== '') lines.push(`--data-binary ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}
