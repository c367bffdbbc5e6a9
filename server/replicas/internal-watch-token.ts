import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { deriveKey } from '../crypto/master-key';

/** The header a replica sends when it proxies a watch to the replica relaying the session. */
export const INTERNAL_WATCH_HEADER = 'x-porthole-internal-watch';
/** Long enough for one connection between replicas, too short to be worth stealing. */
const TOKEN_TTL_MS = 10_000;

const claims = z.strictObject({
  sessionId: z.uuid(),
  watcherId: z.uuid(),
  /** The watcher's credential, as their ticket recorded it: the watch ends with it on either replica. */
  openedWithTokenId: z.uuid().nullable(),
  signInEndsAt: z.number().int().nullable(),
  expiresAt: z.number().int(),
  nonce: z.uuid(),
});

/** Who may watch through a verified token, and with what credential. */
export type InternalWatcher = { watcherId: string; openedWithTokenId: string | null; signInEndsAt: Date | null };

const globalForNonces = globalThis as unknown as { __portholeWatchNonces?: Map<string, number> };
const usedNonces = () => (globalForNonces.__portholeWatchNonces ??= new Map());

function sign(payload: string): Buffer {
  return createHmac('sha256', deriveKey('internal-watch')).update(payload).digest();
}

/**
 * A token that lets another replica's watcher in: the watcher, the session and an expiry,
 * signed with a key derived from PORTHOLE_SECRET_KEY (which every replica shares). The
 * replica that mints it has checked the watcher's ticket, origin and role.
 */
export function mintInternalWatchToken({ sessionId, watcher }: { sessionId: string; watcher: InternalWatcher }, now = Date.now()): string {
  const { watcherId, openedWithTokenId, signInEndsAt } = watcher;
  const payload = Buffer.from(
    JSON.stringify({
      sessionId,
      watcherId,
      openedWithTokenId,
      signInEndsAt: signInEndsAt?.getTime() ?? null,
      expiresAt: now + TOKEN_TTL_MS,
      nonce: randomUUID(),
    }),
  ).toString('base64url');
  return `${payload}.${sign(payload).toString('base64url')}`;
}

/** The watcher if the token is well signed, for this session, unexpired and unused; else undefined. */
export function verifyInternalWatchToken(token: string, sessionId: string, now = Date.now()): InternalWatcher | undefined {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let parsed;
  try {
    parsed = claims.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return undefined;
  }
  if (parsed.sessionId !== sessionId || parsed.expiresAt <= now) return undefined;
  const nonces = usedNonces();
  for (const [nonce, expiresAt] of nonces) if (expiresAt <= now) nonces.delete(nonce);
  if (nonces.has(parsed.nonce)) return undefined;
  nonces.set(parsed.nonce, parsed.expiresAt);
  const { watcherId, openedWithTokenId, signInEndsAt } = parsed;
  return { watcherId, openedWithTokenId, signInEndsAt: signInEndsAt === null ? null : new Date(signInEndsAt) };
}
