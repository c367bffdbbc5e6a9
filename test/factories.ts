import type { Role } from '@/db/schema';
import { toActor, type Actor } from '@/server/actor/actor';
import { createResource } from '@/server/resources/create-resource';
import type { CreateResourceInput, ResourceView } from '@/server/resources/resource-schemas';
import { hashPassword } from '@/server/crypto/password';
import { findUserById } from '@/server/users/find-user';
import { insertUser } from '@/server/users/insert-user';
import { createUserInput, type UserView } from '@/server/users/user-schemas';

let counter = 0;
const next = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export const TEST_PASSWORD = 'correct horse battery staple';

/**
 * A real argon2id hash of each password the factories use, made once per test file. Every
 * test creates users; running the password policy (zxcvbn: about a second to load, then tens of
 * milliseconds a check) and argon2 for each of them was a large part of the suite's time. The
 * policy and hashing are tested where createUser is (server/users/create-user.test.ts).
 */
const passwordHashes = new Map<string, Promise<string>>();
const hashOf = (password: string) => {
  let hash = passwordHashes.get(password);
  if (!hash) passwordHashes.set(password, (hash = hashPassword(password)));
  return hash;
};

/** Creates a user (as the system, as createUser stores one) and returns it with an actor for calling server/ functions. */
export async function makeUser(
  options: { roles?: Role[]; email?: string; name?: string; password?: string } = {},
): Promise<{ user: UserView; actor: Actor; password: string }> {
  const password = options.password ?? TEST_PASSWORD;
  const data = createUserInput.parse({
    email: options.email ?? `user-${next()}@example.test`,
    name: options.name ?? 'Test User',
    password,
    roles: options.roles ?? [],
  });
  const user = await insertUser({ actor: null, user: { email: data.email, name: data.name, roles: data.roles, passwordHash: await hashOf(password) } });
  return { user, actor: await actorOf(user.id), password };
}

export const makeAdmin = () => makeUser({ roles: ['admin'], name: 'Test Admin' });

/** The actor as the database sees the user now (roles after an update, for example). */
export async function actorOf(userId: string, via: Actor['via'] = 'session'): Promise<Actor> {
  const row = await findUserById(userId);
  if (!row) throw new Error(`no user ${userId}`);
  return toActor(row, via);
}

export function sshResource(overrides: Partial<Extract<CreateResourceInput, { type: 'ssh' }>> = {}): CreateResourceInput {
  return { type: 'ssh', name: `ssh-${next()}`, host: '10.0.0.5', username: 'deploy', password: 's3cret-ssh-password', ...overrides };
}

export function postgresResource(overrides: Partial<Extract<CreateResourceInput, { type: 'postgres' }>> = {}): CreateResourceInput {
  return { type: 'postgres', name: `pg-${next()}`, host: 'db.internal', username: 'app', database: 'app', password: 's3cret-pg-password', ...overrides };
}

export async function makeResource(input: CreateResourceInput): Promise<ResourceView> {
  return createResource({ actor: null, input });
}
