import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, type Role, type User } from '@/db/schema';
import { env } from '../env';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';
import { invalidateCaches } from '../events/invalidated-cache';

export type OidcProfile = { sub: string; email?: string; name?: string; [claim: string]: unknown };

/** Roles from the configured groups claim; undefined when the IdP sent no such claim. */
export function rolesFromClaims(profile: OidcProfile, claim: string, roleMap: Record<string, Role>): Role[] | undefined {
  const value = profile[claim];
  if (value === undefined) return undefined;
  // A claim is a string or a list of strings; anything else (objects) names no group.
  const groups = (Array.isArray(value) ? (value as unknown[]) : [value])
    .filter((group): group is string | number => typeof group === 'string' || typeof group === 'number')
    .map(String);
  const roles = new Set<Role>(['engineer']);
  for (const group of groups) {
    const role = roleMap[group];
    if (role) roles.add(role);
  }
  return [...roles];
}

/**
 * Whether the IdP vouches for the e-mail address. Only `email_verified: true` counts, or a
 * missing claim when the admin trusts an IdP that never sends one; `false` never does.
 */
export function isEmailVerified(profile: OidcProfile, isTrustedWithoutClaim: boolean): boolean {
  if (profile.email_verified === true) return true;
  return profile.email_verified === undefined && isTrustedWithoutClaim;
}

const refusals = {
  email_unverified: () =>
    new AppError('FORBIDDEN', {
      userMessage:
        'Your identity provider has not verified your e-mail address, so Porthole cannot sign you in with it. Verify the address there, then try again.',
    }),
  subject_conflict: () =>
    new AppError('CONFLICT', {
      userMessage: 'This e-mail address belongs to a Porthole account linked to another single sign-on identity. Ask an admin for help.',
    }),
};

/**
 * Finds or creates the user behind an OIDC login. A user already bound to the subject signs
 * in as that user. Otherwise the e-mail links to an existing account, or names a new one,
 * only when the IdP verified it, and never takes over an account bound to another subject.
 * The IdP's groups claim, when sent and mapped, decides the roles at every login; otherwise
 * roles stay as the admin set them.
 */
export async function signInOidc(profile: OidcProfile, ip = 'unknown'): Promise<User> {
  const oidc = env().oidc;
  if (!oidc) throw new AppError('FORBIDDEN', { userMessage: 'Single sign-on is not configured.' });
  if (!profile.email) throw new AppError('FORBIDDEN', { userMessage: 'The identity provider did not share an e-mail address.' });
  const email = profile.email.toLowerCase();
  const roles = Object.keys(oidc.roleMap).length > 0 ? rolesFromClaims(profile, oidc.rolesClaim, oidc.roleMap) : undefined;

  const result = await db().transaction(async (tx): Promise<{ user: User } | { refused: keyof typeof refusals }> => {
    const [bySubject] = await tx.select().from(users).where(eq(users.oidcSubject, profile.sub));
    let existing = bySubject;
    if (!existing) {
      if (!isEmailVerified(profile, oidc.isEmailTrustedWithoutVerifiedClaim)) return { refused: 'email_unverified' };
      const [byEmail] = await tx
        .select()
        .from(users)
        .where(sql`lower(${users.email}) = ${email}`);
      if (byEmail?.oidcSubject) return { refused: 'subject_conflict' };
      existing = byEmail;
    }
    let user: User | undefined;
    if (existing) {
      const rolesChanged = roles !== undefined && roles.join() !== existing.roles.join();
      [user] = await tx
        .update(users)
        .set({
          oidcSubject: profile.sub,
          roles: roles ?? existing.roles,
          sessionVersion: rolesChanged ? sql`${users.sessionVersion} + 1` : undefined,
          lastLoginAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(users.id, existing.id))
        .returning();
    } else {
      [user] = await tx
        .insert(users)
        .values({ email, name: profile.name || email, oidcSubject: profile.sub, roles: roles ?? ['engineer'], lastLoginAt: new Date() })
        .returning();
    }
    if (!user) throw new Error('user upsert returned no row');
    if (user.isDisabled) throw new AppError('FORBIDDEN', { userMessage: 'This account is disabled. Ask an admin to enable it.' });
    await recordAuditEvent({ actorId: user.id, action: 'auth.login', data: { method: 'oidc', created: !existing, ip } }, tx);
    return { user };
  });
  if ('user' in result) {
    // The IdP may have changed the roles: tokens act with the user's current ones.
    invalidateCaches('auth');
    return result.user;
  }
  // Outside the transaction, so the refusal stays on record: it may be a takeover attempt.
  await recordAuditEvent({ actorId: null, action: 'auth.login_failed', data: { method: 'oidc', reason: result.refused, email, sub: profile.sub, ip } });
  throw refusals[result.refused]();
}
