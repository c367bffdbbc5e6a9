/** What a browser session's token says about its age, in epoch seconds (JWT convention). */
export type SessionTimes = {
  /** When the user signed in; set once and carried through every refresh. */
  signedInAt?: number;
  /** When the token was last issued (its `iat`): a refresh happens only on user activity. */
  refreshedAt?: number;
};

export type SessionLimits = { maxAgeSeconds: number; idleSeconds: number };

export type SessionAgeDecision = { isValid: true } | { isValid: false; reason: 'missing_sign_in_time' | 'expired' | 'idle' };

/**
 * Whether a browser session is still young enough. Fails closed: a token without the times
 * (issued before these limits existed, or forged without them) is not valid.
 */
export function checkSessionAge(times: SessionTimes, limits: SessionLimits, nowSeconds: number): SessionAgeDecision {
  const { signedInAt, refreshedAt } = times;
  if (!isTime(signedInAt) || !isTime(refreshedAt)) return { isValid: false, reason: 'missing_sign_in_time' };
  if (nowSeconds - signedInAt >= limits.maxAgeSeconds) return { isValid: false, reason: 'expired' };
  if (nowSeconds - refreshedAt >= limits.idleSeconds) return { isValid: false, reason: 'idle' };
  return { isValid: true };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** When a browser session signed in at `signedInAt` (epoch seconds) reaches its absolute limit, however active. */
export function sessionEndsAt(signedInAt: number, limits: Pick<SessionLimits, 'maxAgeSeconds'>): Date {
  return new Date((signedInAt + limits.maxAgeSeconds) * 1000);
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * How often, at most, an active browser refreshes its session (SessionKeepAlive): often
 * enough that activity always lands well inside the idle limit, rarely enough to be cheap.
 */
export function sessionRefreshSeconds(limits: SessionLimits): number {
  return Math.max(30, Math.min(300, Math.floor(limits.idleSeconds / 4)));
}
