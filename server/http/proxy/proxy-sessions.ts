import type { Resource } from '@/db/schema';
import { processSingleton } from '@/lib/process-singleton';
import type { Actor } from '../../actor/actor';
import { log } from '../../log/logger';
import { endSession } from '../../sessions/end-session';
import { openProxySessionRow } from './open-proxy-session';
import { openProxyRecording } from './open-proxy-recording';
import { ProxyError } from './proxy-errors';
import { ProxySession } from './proxy-session';

type Registry = Map<string, Promise<ProxySession>>;

/** This process's open proxy sessions by user and resource (being opened ones too, so two first requests share one). */
const registry = (): Registry => processSingleton<Registry>('httpProxySessions', () => new Map());

const keyOf = (userId: string, resourceId: string) => `${userId}:${resourceId}`;

async function open(key: string, { actor, resource, clientIp, idleMs }: ProxySessionRequest): Promise<ProxySession> {
  const row = await openProxySessionRow({ actor, resource, clientIp });
  // A store that fails later ends the session: it exists by then.
  const holder: { session?: ProxySession } = {};
  let recording;
  try {
    recording = await openProxyRecording({ session: row, resource, onFailure: (message) => holder.session?.end({ reason: 'error', message, status: 503 }) });
  } catch (error) {
    log().error({ sessionId: row.id, err: error }, 'HTTP proxy: cannot open its recording or masking rules');
    const message = 'Recording or masking is unavailable, so the request was not sent. Try again in a moment.';
    await endSession({ sessionId: row.id, reason: 'error', message, bytesIn: 0, bytesOut: 0 }).catch(() => undefined);
    throw new ProxyError(503, 'RECORDING_UNAVAILABLE', message, { cause: error });
  }
  holder.session = new ProxySession(row, recording, {
    idleMs,
    onEnded: (session) => {
      // Only this session's entry: a newer one may already stand under the key.
      void registry()
        .get(key)
        ?.then((current) => current === session && registry().delete(key))
        .catch(() => undefined);
    },
  });
  return holder.session;
}

export type ProxySessionRequest = { actor: Actor; resource: Resource; clientIp?: string; idleMs: number };

/** The live session this request belongs to: the user's open one on the resource, or a new one. */
export async function proxySessionFor(request: ProxySessionRequest): Promise<ProxySession> {
  const key = keyOf(request.actor.id, request.resource.id);
  const existing = registry().get(key);
  if (existing) {
    const session = await existing.catch(() => undefined);
    if (session && !session.isEnded) return session;
    if (registry().get(key) === existing) registry().delete(key);
    else return proxySessionFor(request);
  }
  const opening = open(key, request);
  registry().set(key, opening);
  opening.catch(() => registry().get(key) === opening && registry().delete(key));
  return opening;
}

/** Shutdown: ends every proxy session this process holds and waits for their ends to be written. */
export async function closeProxySessions(message: string): Promise<void> {
  const sessions = await Promise.all([...registry().values()].map((opening) => opening.catch(() => undefined)));
  const open = sessions.filter((session): session is ProxySession => session !== undefined && !session.isEnded);
  for (const session of open) session.end({ reason: 'terminated', message, status: 503 });
  await Promise.all(open.map((session) => session.finished));
}
