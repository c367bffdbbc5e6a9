import type { Session } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { afterEach, expect, it, vi } from 'vitest';
import { describeEachDriver } from '@/test/db-drivers';
import { makeUser } from '@/test/factories';
import { authOptions } from './auth-options';
import { nowInSeconds } from './session-age';
import { userFromSessionClaims, type SessionClaims } from './session-user';

afterEach(() => {
  vi.useRealTimers();
});

/** next-auth's sign-in step: the jwt callback with the user, stamped as next-auth's encode does. */
async function signIn(userId: string): Promise<JWT> {
  const jwt = authOptions().callbacks?.jwt as unknown as (args: { token: JWT; user?: { id: string } }) => Promise<JWT>;
  return { ...(await jwt({ token: {}, user: { id: userId } })), iat: nowInSeconds() };
}

/** What getServerSession hands current-user.ts for a cookie holding `token`. */
async function claimsOf(token: JWT): Promise<SessionClaims> {
  const options = authOptions();
  const jwt = options.callbacks?.jwt as unknown as (args: { token: JWT }) => Promise<JWT>;
  const session = options.callbacks?.session as unknown as (args: { session: Session; token: JWT }) => SessionClaims;
  return session({ session: { expires: '' }, token: await jwt({ token }) });
}

async function signOut(token: JWT): Promise<void> {
  await (authOptions().events?.signOut as (message: { token: JWT }) => Promise<void>)({ token });
}

describeEachDriver('browser sessions', () => {
  it('end on sign-out for every copy of the cookie; signing in again works', async () => {
    const { user } = await makeUser();
    const token = await signIn(user.id);
    expect((await userFromSessionClaims(await claimsOf(token)))?.id).toBe(user.id);

    await signOut(token);
    // The same cookie, replayed after sign-out (another browser's copy, a stolen one).
    expect(await userFromSessionClaims({ ...token, refreshedAt: token.iat as number })).toBeUndefined();

    const again = await signIn(user.id);
    expect((await userFromSessionClaims(await claimsOf(again)))?.id).toBe(user.id);
  });

  it('a replayed old cookie signing out does not end the current session', async () => {
    const { user } = await makeUser();
    const old = await signIn(user.id);
    await signOut(old);
    const current = await signIn(user.id);
    await signOut(old);
    expect((await userFromSessionClaims(await claimsOf(current)))?.id).toBe(user.id);
  });

  it('end at the absolute limit however active, and after the idle limit', async () => {
    const { user } = await makeUser();
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.parse('2026-03-02T08:00:00Z');
    vi.setSystemTime(start);
    const token = await signIn(user.id);
    const at = async (hours: number, refreshedHoursAgo: number) => {
      vi.setSystemTime(start + hours * 3_600_000);
      return userFromSessionClaims({ ...token, refreshedAt: nowInSeconds() - refreshedHoursAgo * 3600 });
    };
    expect((await at(7.9, 0.1))?.id).toBe(user.id);
    expect(await at(8, 0.1)).toBeUndefined();
    expect((await at(3, 0.9))?.id).toBe(user.id);
    expect(await at(3, 1)).toBeUndefined();

    // The jwt callback refuses to refresh such a token, so next-auth clears the cookie.
    vi.setSystemTime(start + 8 * 3_600_000);
    await expect(claimsOf({ ...token, iat: nowInSeconds() - 60 })).rejects.toThrow(/expired/);
  });

  it('fail closed on a token without its sign-in time', async () => {
    const { user } = await makeUser();
    const { signedInAt: _dropped, ...token } = await signIn(user.id);
    expect(await userFromSessionClaims({ ...token, refreshedAt: token.iat as number })).toBeUndefined();
    await expect(claimsOf(token)).rejects.toThrow(/missing_sign_in_time/);
  });
});
