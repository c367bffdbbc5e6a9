import type { Role, User } from '@/db/schema';

/** Who is acting: what every server/<domain> function takes as `actor`. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** How the request was authenticated. */
  via: 'session' | 'token';
  /** The API token, when `via` is 'token': a session it opens ends when it is revoked. */
  tokenId?: string;
  /** When `via` is 'session': the browser sign-in's absolute limit, when a session it opens ends too. */
  signInEndsAt?: Date;
};

/** How the request was authenticated: an API token (its id), or a browser sign-in (when it ends). */
export type Credential = { tokenId: string } | { signInEndsAt: Date };

export function toActor(user: User, via: Actor['via'], credential?: Credential): Actor {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, via, ...credential };
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}

/** Auditors and admins see everyone's sessions and recordings. */
export function canSeeAll(actor: Pick<Actor, 'roles'>): boolean {
  return hasRole(actor, 'admin') || hasRole(actor, 'auditor');
}
