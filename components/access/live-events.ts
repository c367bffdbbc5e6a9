'use client';

/**
 * One EventSource per tab on /api/v1/events, shared by every live component (the approvals
 * badge, the inbox, request pages). The browser reconnects by itself; subscribers get each
 * message as it comes and the last inbox count at once.
 */
export type LiveMessage =
  | { type: 'inbox'; count: number; changed: boolean }
  | { type: 'request'; requestId: string; resourceId: string; status: string; grantExpiresAt: string | null }
  /** A session the user may see opened or ended. */
  | { type: 'session'; sessionId: string; status: string };

type Listener = (message: LiveMessage) => void;

const listeners = new Set<Listener>();
let source: EventSource | undefined;
let lastInbox: LiveMessage | undefined;

function dispatch(message: LiveMessage) {
  if (message.type === 'inbox') lastInbox = message;
  for (const listener of [...listeners]) listener(message);
}

function open() {
  source = new EventSource('/api/v1/events');
  source.addEventListener('inbox', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as { count: number; changed: boolean };
    dispatch({ type: 'inbox', count: data.count, changed: data.changed });
  });
  source.addEventListener('request', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as Omit<Extract<LiveMessage, { type: 'request' }>, 'type'>;
    dispatch({ type: 'request', ...data });
  });
  source.addEventListener('session', (event) => {
    const data = JSON.parse((event as MessageEvent<string>).data) as { sessionId: string; status: string };
    dispatch({ type: 'session', sessionId: data.sessionId, status: data.status });
  });
}

export function subscribeLive(listener: Listener): () => void {
  listeners.add(listener);
  if (!source) open();
  if (lastInbox) listener(lastInbox);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = undefined;
      lastInbox = undefined;
    }
  };
}
