import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { db } from '@/db/client';
import { recordings } from '@/db/recording-schema';
import { sessions, type Role } from '@/db/schema';
import type { HttpExchangeView } from '@/lib/protocol/http-protocol';
import { exchangesFromEvents, type RecordedEvent } from '@/lib/recording/http-events';
import { iterateEvents } from '../../../recording/read-events';
import { createApiToken } from '../../../tokens/create-api-token';
import { makeResource, makeUser } from '@/test/factories';
import type { HttpProxyOptions } from '../http-proxy';
import { startTestProxyServer, type TestProxyServer } from './test-proxy-server';
import { startTestUpstream, type TestUpstream } from './test-upstream';

/** The upstream's credential: Porthole injects it, and it must show nowhere else. */
export const CREDENTIAL = `upstream-secret-${randomBytes(8).toString('hex')}`;

/** A real upstream and the proxy on the custom server's request path, for one test file. */
export function proxySuite(options: HttpProxyOptions = {}) {
  let upstream: TestUpstream | undefined;
  let server: TestProxyServer | undefined;
  beforeAll(async () => {
    [upstream, server] = await Promise.all([startTestUpstream(CREDENTIAL), startTestProxyServer(options)]);
  });
  // Each test's sessions end with it, on its own database (the next test may run on the other driver).
  afterEach(async () => {
    upstream?.release();
    await server?.endSessions();
  });
  afterAll(async () => {
    await Promise.all([upstream?.close(), server?.close()]);
  });
  return {
    upstream: () => upstream!,
    origin: () => server!.origin,
    url: (resourceId: string, path: string) => `${server!.origin}/proxy/${resourceId}${path}`,
  };
}

/** An HTTP API resource on the test upstream with a bearer credential (open to engineers unless said). */
export async function httpResource(base: string, overrides: { accessMode?: 'open' | 'approval'; recording?: 'on' | 'off' } = {}) {
  return makeResource({
    type: 'http',
    name: `api-${randomBytes(4).toString('hex')}`,
    baseUrl: base,
    auth: { kind: 'bearer' },
    credential: CREDENTIAL,
    allowedRoles: ['engineer'],
    ...overrides,
  });
}

/** A user with a personal API token. */
export async function userWithToken(roles: Role[] = ['engineer']) {
  const made = await makeUser({ roles });
  const { token } = await createApiToken({ actor: made.actor, input: { name: 'proxy test', expiresInDays: 1 } });
  return { ...made, token };
}

export async function sessionsOf(userId: string) {
  return db().select().from(sessions).where(eq(sessions.userId, userId)).orderBy(asc(sessions.createdAt));
}

/** Waits (bounded) for the session row to be ended, as the session writes it on its way out. */
export async function endedSession(id: string, withinMs = 5_000) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const [row] = await db().select().from(sessions).where(eq(sessions.id, id));
    if (row?.status === 'ended') return row;
    if (Date.now() > deadline) throw new Error(`session ${id} is still ${row?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The recording's raw bytes as text (every event), and its exchanges as the replay reads them. */
export async function recordedSession(sessionId: string): Promise<{ text: string; exchanges: HttpExchangeView[] }> {
  const [recording] = await db().select().from(recordings).where(eq(recordings.id, sessionId));
  if (!recording) throw new Error('no recording');
  const events: RecordedEvent[] = [];
  for await (const event of iterateEvents(recording)) events.push([event.t, event.kind, event.data.toString('utf8')]);
  return { text: events.map(([, , data]) => data).join('\n'), exchanges: exchangesFromEvents(events) };
}
