import { eq, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { users, type Role, type User } from '@/db/schema';
import { env } from '../env';
import { recordAuditEvent } from '../audit/record-audit-event';
import { AppError } from '../errors/app-error';

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
 * Finds or creates the user behind an OIDC login. The IdP's groups claim, when sent and
 * mapped, decides the roles at every login; otherwise roles stay as the admin set them.
 */
export async function signInOidc(profile: OidcProfile): Promise<User> {
  const oidc = env().oidc;
  if (!oidc) throw new AppError('FORBIDDEN', { userMessage: 'Single sign-on is not configured.' });
  if (!profile.email) throw new AppError('FORBIDDEN', { userMessage: 'The identity provider did not share an e-mail address.' });
  const email = profile.email.toLowerCase();
  const roles = Object.keys(oidc.roleMap).length > 0 ? rolesFromClaims(profile, oidc.rolesClaim, oidc.roleMap) : undefined;

  return db().transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(users)
      .where(or(eq(users.oidcSubject, profile.sub), sql`lower(${users.email}) = ${email}`));
    let user: User | undefined;
    if (existing) {
      if (existing.oidcSubject && existing.oidcSubject !== profile.sub) {
        throw new AppError('CONFLICT', { userMessage: 'This e-mail belongs to another single sign-on identity.' });
      }
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
    await recordAuditEvent({ actorId: user.id, action: 'auth.login', data: { method: 'oidc', created: !existing } }, tx);
    return user;
  });
}
