/**
 * The targets a crash-test gateway child opens sessions on: an sshd (terminal) or a
 * PostgreSQL database (SQL console), each a resource one engineer may use. Imported after
 * the child has set its environment and opened its database.
 */
export type SshTarget = { host: string; port: number; username: string; privateKey: string; hostKeyFingerprint: string };
export type PostgresTarget = { host: string; port: number; username: string; password: string; database: string };
export type NewSession = () => Promise<{ id: string; wsUrl: string }>;

async function engineer() {
  const { toActor } = await import('@/server/actor/actor');
  const { findUserById } = await import('@/server/users/find-user');
  const { createUser } = await import('@/server/users/create-user');
  const user = await createUser({
    actor: null,
    input: { email: `crash-${Date.now()}@porthole.test`, name: 'Crash', password: 'crash-test-password-1234', roles: ['engineer', 'admin'] },
  });
  return toActor((await findUserById(user.id))!, 'session');
}

export async function sshSessions(target: SshTarget): Promise<NewSession> {
  const { createResource } = await import('@/server/resources/create-resource');
  const { confirmHostKey } = await import('@/server/resources/confirm-host-key');
  const { createSession } = await import('@/server/sessions/create-session');
  const actor = await engineer();
  const resource = await createResource({
    actor: null,
    input: {
      type: 'ssh',
      name: `crash-${Date.now()}`,
      host: target.host,
      port: target.port,
      username: target.username,
      privateKey: target.privateKey,
      allowedRoles: ['engineer'],
    },
  });
  await confirmHostKey({ actor, resourceId: resource.id, input: { fingerprint: target.hostKeyFingerprint } });
  return () => createSession({ actor, input: { resourceId: resource.id } });
}

/** Every row of a statement is kept in the recording (up to 10,000), and no time limit stops one. */
export async function sqlSessions(target: PostgresTarget): Promise<NewSession> {
  const { db } = await import('@/db/client');
  const { sqlSettings } = await import('@/db/sql-schema');
  const { DEFAULT_SQL_POLICY } = await import('@/lib/sql/risk-classes');
  const { createResource } = await import('@/server/resources/create-resource');
  const { createSession } = await import('@/server/sessions/create-session');
  const actor = await engineer();
  const resource = await createResource({ actor: null, input: { type: 'postgres', name: `crash-pg-${Date.now()}`, ...target, allowedRoles: ['engineer'] } });
  await db().insert(sqlSettings).values({ resourceId: resource.id, policy: DEFAULT_SQL_POLICY, rowCap: 100_000, recordedRows: 10_000, statementTimeoutMs: 0 });
  return () => createSession({ actor, input: { resourceId: resource.id } });
}
