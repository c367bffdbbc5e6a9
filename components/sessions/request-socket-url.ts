/**
 * POST /api/v1/sessions/:id/ticket → the socket URL with a fresh single-use ticket, for the
 * terminal and the SQL console alike (`watch-ticket`: an auditor's read-only watch socket).
 */
export async function requestSocketUrl(sessionId: string, signal: AbortSignal, route: 'ticket' | 'watch-ticket' = 'ticket'): Promise<string> {
  const response = await fetch(`/api/v1/sessions/${encodeURIComponent(sessionId)}/${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    credentials: 'same-origin',
    signal,
  });
  const body = (await response.json().catch(() => undefined)) as { wsUrl?: unknown; error?: { message?: unknown } } | undefined;
  if (!response.ok || typeof body?.wsUrl !== 'string') {
    const message = typeof body?.error?.message === 'string' ? body.error.message : `Could not open the session (HTTP ${response.status}).`;
    throw new Error(message);
  }
  // The server builds the URL on its configured public origin; make sure it is a ws(s) URL.
  const url = new URL(body.wsUrl, window.location.href);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.toString();
}
