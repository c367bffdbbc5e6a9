import { randomBytes } from 'node:crypto';
import { approveRequest } from '@/server/access/approve-request';
import { createRequest } from '@/server/access/create-request';
import { revokeGrant } from '@/server/access/revoke-grant';
import { updatePolicy } from '@/server/access/update-policy';
import { toActor, type Actor } from '@/server/actor/actor';
import { reserveLoginAttempt } from '@/server/auth/login-rate-limit';
import { openLiveStream } from '@/server/live-updates/live-stream';
import { every } from '@/server/jobs/every';
import { confirmHostKey } from '@/server/resources/confirm-host-key';
import { createResource } from '@/server/resources/create-resource';
import { createSession } from '@/server/sessions/create-session';
import { issueWatchTicket } from '@/server/sessions/issue-watch-ticket';
import { listSessions } from '@/server/sessions/list-sessions';
import { terminateSession } from '@/server/sessions/terminate-session';
import { createUser } from '@/server/users/create-user';
import { findUserById } from '@/server/users/find-user';
import { exclusive } from '@/server/jobs/job-leadership';
import type { SessionWatch } from '@/server/gateway/session-watch';
import { liveSessions } from '@/server/relay/live-sessions';
import type { ReplicaChildMessage } from './replica-messages';

type Args = Record<string, string>;
type Send = (message: ReplicaChildMessage) => void;

async function actor(id: string | undefined): Promise<Actor> {
  const row = await findUserById(id ?? '');
  if (!row) throw new Error(`no user ${id}`);
  return toActor(row, 'session');
}

async function seed(args: Args) {
  const user = async (name: string, roles: ('engineer' | 'approver' | 'auditor' | 'admin')[]) =>
    (
      await createUser({
        actor: null,
        input: { email: `${name.split(' ')[0]!.toLowerCase()}@porthole.test`, name, password: randomBytes(12).toString('hex'), roles },
      })
    ).id;
  const [engineerId, auditorId, approverId, adminId] = [
    await user('Emma Engineer', ['engineer']),
    await user('Ada Auditor', ['auditor']),
    await user('Arne Approver', ['approver']),
    await user('Alex Admin', ['admin']),
  ];
  const resource = await createResource({
    actor: null,
    input: {
      type: 'ssh',
      name: 'replica-sshd',
      host: args.host!,
      port: Number(args.port),
      username: args.username!,
      password: args.password!,
      accessMode: 'approval',
    },
  });
  const admin = await actor(adminId);
  await confirmHostKey({ actor: admin, resourceId: resource.id, input: { fingerprint: args.fingerprint! } });
  await updatePolicy({ actor: admin, resourceId: resource.id, input: { approvalsRequired: 1, approverRoles: ['approver'] } });
  return { engineerId, auditorId, approverId, resourceId: resource.id };
}

/** What each replica can be asked to do, as a browser request landing on it would. */
export const operations: Record<string, (args: Args, send: Send) => Promise<unknown>> = {
  seed,
  /** One more engineer (bench:scale spreads sessions over several grants). */
  engineer: async (args) =>
    (
      await createUser({
        actor: null,
        input: { email: `${args.name}@porthole.test`, name: args.name!, password: randomBytes(12).toString('hex'), roles: ['engineer'] },
      })
    ).id,
  request: async (args) =>
    (await createRequest({ actor: await actor(args.engineerId), input: { resourceId: args.resourceId!, durationMinutes: 30, reason: 'INC-18' } })).id,
  approve: async (args) => (await approveRequest({ actor: await actor(args.approverId), requestId: args.requestId! })).grantId,
  revoke: async (args) => revokeGrant({ actor: await actor(args.approverId), grantId: args.grantId! }),
  session: async (args) => createSession({ actor: await actor(args.engineerId), input: { resourceId: args.resourceId! } }),
  /** An open PostgreSQL resource (no grant needed) for SQL console sessions. */
  sqlResource: async (args) =>
    (
      await createResource({
        actor: null,
        input: {
          type: 'postgres',
          name: 'replica-postgres',
          host: args.host!,
          port: Number(args.port),
          username: args.username!,
          password: args.password!,
          database: args.database!,
        },
      })
    ).id,
  watchTicket: async (args) => issueWatchTicket({ actor: await actor(args.auditorId), sessionId: args.sessionId! }),
  terminate: async (args) => terminateSession({ actor: await actor(args.auditorId), sessionId: args.sessionId!, input: { reason: args.reason! } }),
  listLive: async (args) => (await listSessions({ actor: await actor(args.auditorId), query: { status: 'active' } })).map((session) => session.id),
  /** How often each watcher of a terminal this replica relays was dropped and resynced. */
  resyncs: async (args) => {
    const watch = liveSessions().get(args.sessionId!)?.watch as SessionWatch | undefined;
    return [...(watch?.resyncCounts().values() ?? [])];
  },
  login: async (args) => reserveLoginAttempt(args.email!, args.ip!),
  /** Opens the user's live stream (the badge and live lists) and forwards its events. */
  stream: async (args, send) => {
    const reader = openLiveStream({ actor: await actor(args.userId), signal: new AbortController().signal }).getReader();
    void (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += Buffer.from(value).toString('utf8');
        const blocks = text.split('\n\n');
        text = blocks.pop() ?? '';
        for (const block of blocks) {
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) send({ type: 'stream', userId: args.userId!, event, data: JSON.parse(data) as unknown });
        }
      }
    })();
    return true;
  },
  /** A job under leadership that never finishes: only a replica's death frees it. */
  holdJob: async (_args, send) => {
    every(
      'test-held-job',
      200,
      exclusive('test-held-job', async () => {
        send({ type: 'job-running' });
        await new Promise(() => undefined);
      }),
    );
    return true;
  },
};
